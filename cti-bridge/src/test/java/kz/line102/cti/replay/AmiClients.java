package kz.line102.cti.replay;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.ManagerEvent;

/** asterisk-java connections to a replay server, and event counting by AMI name. */
final class AmiClients {

    static final String USER = "cti";
    static final String SECRET = "s3cret";

    private AmiClients() {
    }

    static ManagerConnection connection(AmiReplayServer server) {
        return new ManagerConnectionFactory("127.0.0.1", server.port(), USER, SECRET).createManagerConnection();
    }

    /** {@code NewChannelEvent} → {@code newchannel}: compares with AMI names case-insensitively. */
    static String amiName(ManagerEvent e) {
        String simple = e.getClass().getSimpleName();
        if (simple.endsWith("Event")) {
            simple = simple.substring(0, simple.length() - "Event".length());
        }
        return simple.toLowerCase(Locale.ROOT);
    }

    /** Counts events by lower-cased AMI name. */
    static final class Counter {
        final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        void count(ManagerEvent e) {
            counts.computeIfAbsent(amiName(e), k -> new AtomicInteger()).incrementAndGet();
        }

        int get(String amiName) {
            AtomicInteger n = counts.get(amiName.toLowerCase(Locale.ROOT));
            return n == null ? 0 : n.get();
        }
    }
}
