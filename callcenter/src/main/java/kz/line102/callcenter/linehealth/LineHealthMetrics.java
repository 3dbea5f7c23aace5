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
 * the node stops probing it, so a scrape never shows a state nobody keeps.
 */
@Component
class LineHealthMetrics {

    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> states = new ConcurrentHashMap<>();

    LineHealthMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void probed(Target t, ProbeResult r, TargetState state) {
        states.computeIfAbsent(t.name(), name -> {
            AtomicInteger value = new AtomicInteger(TargetState.UNKNOWN.gauge);
            Gauge.builder("line102.linehealth.target.state", value, AtomicInteger::get)
                    .description("-1 unknown, 0 down, 1 degraded, 2 up").tag("target", name).register(meters);
            return value;
        }).set(state.gauge);
        Counter.builder("line102.linehealth.probes").description("OPTIONS probes by outcome")
                .tag("target", t.name()).tag("outcome", r.outcome().code()).register(meters).increment();
        if (r.status() != 0) {
            Timer.builder("line102.linehealth.probe.rtt").description("OPTIONS round-trip time of answered probes")
                    .tag("target", t.name()).register(meters).record(r.rtt());
        }
    }

    void testCall(String outcome, Duration took) {
        Timer.builder("line102.linehealth.test.calls").description("synthetic test calls by outcome")
                .tag("outcome", outcome).register(meters).record(took);
    }

    void forget(String targetName) {
        if (states.remove(targetName) == null) {
            return;
        }
        for (Meter m : meters.getMeters()) {
            if (m.getId().getName().startsWith("line102.linehealth.") && targetName.equals(m.getId().getTag("target"))) {
                meters.remove(m);
            }
        }
    }
}
