package kz.line102.cti.ami;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ProtocolIdentifierReceivedEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.internal.ManagerReaderImpl;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The captured Asterisk sessions, read the way the bridge reads a socket: through the
 * input guard, then through asterisk-java's own reader loop and event builder
 * ({@code ManagerReaderImpl} over a socket facade), into its own event objects. No TCP.
 */
final class Captures {

    static final Path DIR = Path.of(System.getProperty("line102.fixtures", "../../shared/fixtures/asterisk/22.10.1"));
    private static final Object SOURCE = new Object();

    private Captures() {
    }

    static byte[] bytes(String scenario) {
        for (Path dir : new Path[] {DIR, Path.of("/work/shared/fixtures/asterisk/22.10.1")}) {
            Path file = dir.resolve("ami-" + scenario + ".txt");
            if (Files.exists(file)) {
                try {
                    return Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("capture " + scenario + " not found under " + DIR.toAbsolutePath());
    }

    /** The events of a capture that pass the guard with {@code filter}, as asterisk-java builds them. */
    static List<ManagerEvent> events(String scenario, AmiEventFilter filter, AmiInputListener listener) {
        return events(bytes(scenario), filter, listener);
    }

    static List<ManagerEvent> events(byte[] raw, AmiEventFilter filter, AmiInputListener listener) {
        AmiBlockReader guard = new AmiBlockReader(new ByteArrayInputStream(raw), 8192, 65536, filter, listener);
        Collector collector = new Collector();
        ManagerReaderImpl reader = new ManagerReaderImpl(collector, SOURCE);
        reader.setSocket(new LinesOnly(guard));
        // Runs asterisk-java's own read loop on this thread; it returns once its event pump drained.
        reader.run();
        return collector.events;
    }

    /** Collects what asterisk-java's reader dispatches, leaving out its own connection events. */
    private static final class Collector extends ManagerConnectionImpl {
        final List<ManagerEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
            if (!(event instanceof DisconnectEvent) && !(event instanceof ProtocolIdentifierReceivedEvent)) {
                events.add(event);
            }
        }

        @Override
        public void dispatchResponse(ManagerResponse response, Integer requiredHandlingTime) {
        }
    }

    /** A socket facade that only reads, from the guard. */
    private record LinesOnly(AmiBlockReader guard) implements SocketConnectionFacade {
        @Override
        public String readLine() throws IOException {
            return guard.readLine();
        }

        @Override
        public void write(String s) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public InetAddress getLocalAddress() {
            return null;
        }

        @Override
        public int getLocalPort() {
            return 0;
        }

        @Override
        public InetAddress getRemoteAddress() {
            return null;
        }

        @Override
        public int getRemotePort() {
            return 0;
        }
    }
}
