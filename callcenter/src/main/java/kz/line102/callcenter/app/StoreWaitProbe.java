package kz.line102.callcenter.app;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Answers health probes while the node waits for its stores, before the web server
 * exists: any path ending in {@code /liveness} gets 200 (the process is well; restarting
 * it would not bring the database back), everything else 503 with status
 * {@code OUT_OF_SERVICE} (the log lines say what it waits for). Bound on the management port, or
 * the server port, from the first attempt that fails; closed before the web server
 * takes the port. {@code line102.startup.store-wait.probe=false} turns it off.
 */
final class StoreWaitProbe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreWaitProbe.class);

    private final String address;
    private final int port;
    private HttpServer server;
    private boolean tried;

    StoreWaitProbe(Environment env) {
        boolean enabled = env.getProperty("line102.startup.store-wait.probe", Boolean.class, true);
        int management = env.getProperty("management.server.port", Integer.class, -1);
        this.port = !enabled ? 0 : management > 0 ? management : env.getProperty("server.port", Integer.class, 8080);
        this.address = management > 0 ? env.getProperty("management.server.address", "")
                : env.getProperty("server.address", "");
    }

    /** For tests: a probe that never binds. */
    static StoreWaitProbe none() {
        return new StoreWaitProbe(0);
    }

    private StoreWaitProbe(int port) {
        this.port = port;
        this.address = "";
    }

    void waitingFor(List<String> stores) {
        if (tried || port <= 0) {
            return;
        }
        tried = true;
        try {
            InetSocketAddress at = address.isBlank() ? new InetSocketAddress(port)
                    : new InetSocketAddress(InetAddress.getByName(address), port);
            server = HttpServer.create(at, 16);
            server.createContext("/", this::answer);
            server.start();
            log.info("store wait: health probes answered on port {} meanwhile (readiness 503, liveness 200)", port);
        } catch (IOException e) {
            log.warn("store wait: cannot answer health probes on port {} ({}); probes fail to connect meanwhile",
                    port, e.toString());
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        boolean live = exchange.getRequestURI().getPath().endsWith("/liveness");
        // Status only, as the health endpoint shows anonymous callers: the log says what is awaited.
        String body = live ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(live ? 200 : 503, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
