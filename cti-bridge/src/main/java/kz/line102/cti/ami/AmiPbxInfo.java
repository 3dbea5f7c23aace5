package kz.line102.cti.ami;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import kz.line102.cti.PbxInfo;
import kz.line102.cti.QueueCommandException;
import kz.line102.cti.QueueCommandException.Reason;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.ListCommandsAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.PingResponse;

/** {@link PbxInfo} over the connector's live AMI session; also hears the holder session's events. */
final class AmiPbxInfo implements PbxInfo, ManagerEventListener {

    private static final Set<String> NOT_ACTIONS = Set.of("response", "actionid", "message", "eventlist");

    private final String pbx;
    private final Supplier<GuardedManagerConnection> connection;
    private final Duration timeout;
    private final Clock clock;
    private volatile Instant since;
    private volatile Map<String, LongAdder> heard = new ConcurrentHashMap<>();

    AmiPbxInfo(String pbx, Supplier<GuardedManagerConnection> connection, Duration timeout, Clock clock) {
        this.pbx = pbx;
        this.connection = connection;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** On the link thread, before a login that reads events: the counts start again. */
    void newSession() {
        heard = new ConcurrentHashMap<>();
        since = clock.instant();
    }

    /** On asterisk-java's dispatch thread: only counts. */
    @Override
    public void onManagerEvent(ManagerEvent event) {
        String privilege = event.getPrivilege();
        if (privilege == null) {
            return;
        }
        for (String c : privilege.toLowerCase(Locale.ROOT).split(",")) {
            String name = c.trim();
            if (!name.isEmpty() && !name.equals("all")) {
                heard.computeIfAbsent(name, k -> new LongAdder()).increment();
            }
        }
    }

    @Override
    public Optional<String> getGlobal(String name) {
        ManagerResponse r = send(new GetVarAction(name));
        String value = r.getAttribute("value");
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public Instant pbxTime() {
        ManagerResponse r = send(new PingAction());
        String ts = r instanceof PingResponse p ? p.getTimestamp() : r.getAttribute("timestamp");
        if (ts == null || ts.isBlank()) {
            throw new QueueCommandException(Reason.REFUSED, "Ping answered by " + pbx + " without a Timestamp");
        }
        try {
            BigDecimal seconds = new BigDecimal(ts.trim());
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        } catch (NumberFormatException e) {
            throw new QueueCommandException(Reason.REFUSED, "Ping Timestamp '" + ts + "' from " + pbx
                    + " is not a time");
        }
    }

    @Override
    public Set<String> allowedActions() {
        ManagerResponse r = send(new ListCommandsAction());
        Set<String> actions = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (r.getAttributes() != null) {
            for (String key : r.getAttributes().keySet()) {
                if (!NOT_ACTIONS.contains(key.toLowerCase(Locale.ROOT))) {
                    actions.add(key);
                }
            }
        }
        return actions;
    }

    @Override
    public HeardEvents heardEvents() {
        Map<String, Long> counts = new TreeMap<>();
        heard.forEach((k, v) -> counts.put(k, v.sum()));
        return new HeardEvents(since, Map.copyOf(counts));
    }

    private ManagerResponse send(ManagerAction action) {
        GuardedManagerConnection c = connection.get();
        if (c == null) {
            throw new QueueCommandException(Reason.PBX_UNAVAILABLE, "no AMI link to " + pbx);
        }
        ManagerResponse r;
        try {
            r = c.sendAction(action, timeout.toMillis());
        } catch (org.asteriskjava.manager.TimeoutException e) {
            throw new QueueCommandException(Reason.TIMEOUT, action.getAction() + " not answered by " + pbx + " in "
                    + timeout.toMillis() + " ms", e);
        } catch (IOException | IllegalStateException e) {
            throw new QueueCommandException(Reason.PBX_UNAVAILABLE, action.getAction() + " not sent: "
                    + e.getMessage(), e);
        }
        if (r == null) {
            throw new QueueCommandException(Reason.TIMEOUT, action.getAction() + " not answered by " + pbx);
        }
        if (r instanceof ManagerError e) {
            throw new QueueCommandException(Reason.REFUSED, action.getAction() + " refused by " + pbx + ": "
                    + e.getMessage());
        }
        return r;
    }
}
