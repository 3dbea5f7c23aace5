package kz.line102.callcenter.linehealth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kz.line102.cti.sip.ProbeResult;
import org.springframework.stereotype.Component;

/**
 * Per target, on the node that probes it: {@code line102_linehealth_target_state}
 * (-1 unknown, 0 down, 1 degraded, 2 up), {@code line102_linehealth_probe_rtt_seconds}
 * and {@code line102_linehealth_probes_total} by outcome. A target's meters go when
 * the node stops probing it, so a scrape never shows a state nobody keeps. Each
 * target's meters are looked up once and kept: a probe only increments.
 */
@Component
class LineHealthMetrics {

    private final MeterRegistry meters;
    private final Map<String, TargetMeters> targets = new ConcurrentHashMap<>();

    LineHealthMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One target's meters; {@code probes} by outcome code, made on first use. */
    private record TargetMeters(AtomicInteger state, Timer rtt, Map<String, Counter> probes) {
    }

    void probed(Target t, ProbeResult r, TargetState state) {
        TargetMeters m = targets.computeIfAbsent(t.name(), this::register);
        m.state().set(state.gauge);
        m.probes().computeIfAbsent(r.outcome().code(), outcome -> Counter.builder("line102.linehealth.probes")
                .description("OPTIONS probes by outcome").tag("target", t.name()).tag("outcome", outcome)
                .register(meters)).increment();
        if (r.status() != 0) {
            m.rtt().record(r.rtt());
        }
    }

    private TargetMeters register(String name) {
        AtomicInteger value = new AtomicInteger(TargetState.UNKNOWN.gauge);
        Gauge.builder("line102.linehealth.target.state", value, AtomicInteger::get)
                .description("-1 unknown, 0 down, 1 degraded, 2 up").tag("target", name).register(meters);
        Timer rtt = Timer.builder("line102.linehealth.probe.rtt").description("OPTIONS round-trip time of answered probes")
                .tag("target", name).register(meters);
        return new TargetMeters(value, rtt, new ConcurrentHashMap<>());
    }

    void testCall(String outcome, Duration took) {
        Timer.builder("line102.linehealth.test.calls").description("synthetic test calls by outcome")
                .tag("outcome", outcome).register(meters).record(took);
    }

    void forget(String targetName) {
        if (targets.remove(targetName) == null) {
            return;
        }
        for (Meter m : meters.getMeters()) {
            if (m.getId().getName().startsWith("line102.linehealth.") && targetName.equals(m.getId().getTag("target"))) {
                meters.remove(m);
            }
        }
    }
}
