package kz.line102.cti.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link's meters, all tagged with the PBX name, and the WARN lines for bad input
 * (at most one per kind per second, with the count of those held back, so a stream of
 * garbage cannot flood the log).
 */
final class AmiMetrics implements AmiInputListener {

    static final String PREFIX = "line102.cti.ami.";
    private static final Logger log = LoggerFactory.getLogger(AmiMetrics.class);

    private final MeterRegistry registry;
    private final Tags tags;
    private final String pbx;
    final Counter reconnects;
    final Counter eventsIn;
    final Counter filtered;
    final Counter sinkFailures;
    final Counter resyncs;
    final Counter resyncFailures;
    final Counter pbxRestarts;
    final Counter takeovers;
    final Counter unknownCalls;
    private final Map<MalformedInput, Counter> malformed = new EnumMap<>(MalformedInput.class);
    private final Map<MalformedInput, long[]> lastWarn = new ConcurrentHashMap<>();
    private final Map<String, Counter> translated = new ConcurrentHashMap<>();

    AmiMetrics(MeterRegistry registry, String pbx) {
        this.registry = registry;
        this.pbx = pbx;
        this.tags = Tags.of("pbx", pbx);
        reconnects = counter("reconnects", "reconnect attempts scheduled after a lost link or failed login");
        eventsIn = counter("events.in", "AMI events asterisk-java handed to the bridge");
        filtered = counter("events.filtered", "AMI events dropped unparsed as of no use to the bridge");
        sinkFailures = counter("sink.failures", "call events the sink threw on");
        resyncs = counter("resyncs", "resyncs from CoreShowChannels and QueueStatus");
        resyncFailures = counter("resync.failures", "resync attempts that failed (retried with backoff; "
                + "the link itself is judged by its ping)");
        pbxRestarts = counter("pbx.restarts", "PBX restarts noticed (Shutdown event or a new start time at login)");
        takeovers = counter("link.takeovers", "times this node took the AMI link over under the lease");
        unknownCalls = counter("events.unknown-call", "call events of a call the bridge never saw begin "
                + "(its first event was lost): each asks for a resync");
        for (MalformedInput kind : MalformedInput.values()) {
            malformed.put(kind, Counter.builder(PREFIX + "malformed").tags(tags).tag("kind", kind.tag())
                    .description("malformed AMI input, by kind").register(registry));
        }
    }

    void gauges(Supplier<Number> linkUp, Supplier<Number> backlog, Supplier<Number> activeCalls) {
        Gauge.builder(PREFIX + "link.up", linkUp).tags(tags).description("1 while logged in to the PBX")
                .register(registry);
        Gauge.builder(PREFIX + "lanes.backlog", backlog).tags(tags)
                .description("AMI events queued on the call lanes").register(registry);
        Gauge.builder(PREFIX + "calls.active", activeCalls).tags(tags).description("calls the bridge tracks")
                .register(registry);
    }

    @Override
    public void malformed(MalformedInput kind, String detail) {
        malformed.get(kind).increment();
        long[] state = lastWarn.computeIfAbsent(kind, k -> new long[] {0, 0});
        long now = System.nanoTime();
        synchronized (state) {
            if (state[0] != 0 && now - state[0] < 1_000_000_000L) {
                state[1]++;
                return;
            }
            long held = state[1];
            state[0] = now;
            state[1] = 0;
            log.warn("pbx={} malformed AMI input ({}): {}{}", pbx, kind.tag(), detail,
                    held > 0 ? " [" + held + " more of this kind in the last second]" : "");
        }
    }

    @Override
    public void filtered(String eventName) {
        filtered.increment();
    }

    /** Wraps the sink: counts what is translated, and keeps a throwing sink from killing a lane. */
    CallEventSink counting(CallEventSink sink) {
        return event -> {
            try {
                sink.accept(event);
                translated(event).increment();
            } catch (RuntimeException e) {
                sinkFailures.increment();
                log.error("callId={} call event sink rejected {} {}", event.callId(), event.type(), event.eventId(), e);
            }
        };
    }

    private Counter translated(CallEvent event) {
        return translated.computeIfAbsent(event.type(), type -> Counter.builder(PREFIX + "events.translated")
                .tags(tags).tag("type", type).description("call events produced").register(registry));
    }

    private Counter counter(String name, String description) {
        return Counter.builder(PREFIX + name).tags(tags).description(description).register(registry);
    }
}
