package kz.line102.cti.agi;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.StaticMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI routing service: asterisk-java's server on our socket and our named,
 * bounded worker pool. {@link #start()} returns once the port is bound; {@link #close()}
 * is idempotent. Sessions beyond {@code max-connections} are closed at once, which
 * Asterisk reports as {@code AGISTATUS=FAILURE}: the dialplan's defaults then apply.
 */
public final class AgiRoutingServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AgiRoutingServer.class);

    private final AgiProperties props;
    private final BudgetedDecider decider;
    private final Server server;
    private final CountDownLatch bound = new CountDownLatch(1);
    private volatile GuardedAgiSocket socket;
    private volatile IOException bindFailure;
    private Thread acceptor;
    private boolean closed;

    public AgiRoutingServer(AgiProperties props, RoutingDecider decider, MeterRegistry meters) {
        this(props, decider, meters, routed -> { });
    }

    /** {@code listener} is told of each answered request (after the answer is on the channel). */
    public AgiRoutingServer(AgiProperties props, RoutingDecider decider, MeterRegistry meters,
                            Routed.Listener listener) {
        this.props = props;
        this.decider = new BudgetedDecider(decider, props);
        this.server = new Server(new StaticMappingStrategy(new RouteScript(props, this.decider, meters,
                listener)));
    }

    /** Binds the port and starts accepting; throws if the port cannot be bound. */
    public synchronized AgiRoutingServer start() throws IOException {
        if (acceptor != null) {
            return this;
        }
        acceptor = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                bindFailure = e;
                bound.countDown();
            }
        }, "agi-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        try {
            bound.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding the FastAGI port", e);
        }
        if (bindFailure != null) {
            throw new IOException("FastAGI routing service cannot listen on " + props.bindAddress() + ":"
                    + props.port() + ": " + bindFailure.getMessage(), bindFailure);
        }
        log.info("FastAGI routing service listening on {}:{} (script {}, budget {} ms, default {}/{})",
                props.bindAddress(), port(), props.script(), props.decisionBudget().toMillis(),
                props.defaultQueue(), props.defaultPriority());
        return this;
    }

    /** The port actually bound (differs from the configured one when that is 0). */
    public int port() {
        GuardedAgiSocket s = socket;
        return s == null ? -1 : s.port();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (acceptor != null) {
            server.shutdown();
        }
        decider.close();
    }

    /** asterisk-java's server with our socket and a pool whose threads are named and bounded. */
    private final class Server extends DefaultAgiServer {

        Server(StaticMappingStrategy mapping) {
            super(mapping);
            setPoolSize(Math.min(4, props.maxConnections()));
            setMaximumPoolSize(props.maxConnections());
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            GuardedAgiSocket s = new GuardedAgiSocket(props);
            socket = s;
            bound.countDown();
            return s;
        }

        @Override
        protected ThreadPoolExecutor createPool() {
            AtomicInteger n = new AtomicInteger();
            return new ThreadPoolExecutor(getPoolSize(), getMaximumPoolSize(), 60, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), r -> {
                        Thread t = new Thread(r, "agi-session-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
        }
    }
}
