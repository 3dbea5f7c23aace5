package kz.line102.callcenter.call;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether intake can store what it reads. While PostgreSQL is away the entries wait in
 * the stream (nothing is acknowledged), and this node says so: health {@code callIntake}
 * is DOWN with the time it started failing and the last error, the gauge
 * {@code line102.callcenter.intake.store.failing} is 1, and
 * {@code line102.callcenter.intake.store.failures} counts the failed attempts.
 */
@Component("callIntake")
public class CallIntakeHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CallIntakeHealth.class);

    private final Counter failures;
    private volatile Instant failingSince;
    private volatile long failedAttempts;
    private volatile String lastError;

    public CallIntakeHealth(MeterRegistry meters) {
        this.failures = Counter.builder("line102.callcenter.intake.store.failures")
                .description("intake attempts that could not store a batch because the database was away or"
                        + " refusing (the entries stay pending)").register(meters);
        Gauge.builder("line102.callcenter.intake.store.failing", this, h -> h.failingSince == null ? 0 : 1)
                .description("1 while intake is failing to store call events").register(meters);
    }

    synchronized void storeFailed(Throwable error) {
        failures.increment();
        failedAttempts++;
        lastError = error.toString();
        if (failingSince == null) {
            failingSince = Instant.now();
            log.error("intake cannot store call events ({}); they stay pending in the stream and are retried",
                    lastError);
        }
    }

    synchronized void stored() {
        if (failingSince != null) {
            log.info("intake stores call events again after {} failed attempts since {}", failedAttempts,
                    failingSince);
            failingSince = null;
            failedAttempts = 0;
        }
    }

    public boolean failing() {
        return failingSince != null;
    }

    @Override
    public Health health() {
        Instant since = failingSince;
        if (since == null) {
            return Health.up().build();
        }
        return Health.down().withDetail("failingSince", since.toString()).withDetail("failedAttempts", failedAttempts)
                .withDetail("lastError", String.valueOf(lastError)).build();
    }
}
