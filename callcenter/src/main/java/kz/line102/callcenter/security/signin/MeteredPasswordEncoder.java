package kz.line102.callcenter.security.signin;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts password checks ({@code line102.callcenter.signin.password.checks}): each is
 * a bcrypt, the one costly step of a sign-in, so the count shows what guessing costs
 * the CPU and proves that locked attempts cost none. Checks pass a gate of a few at once:
 * guesses from many addresses before their locks set in wait there (and are refused busy
 * after a while) rather than running on every core the operators' requests need.
 */
public class MeteredPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Counter checks;
    private final Counter busy;
    private final Semaphore gate;
    private final long waitNanos;

    public MeteredPasswordEncoder(PasswordEncoder delegate, MeterRegistry meters, int atOnce, Duration wait) {
        this.delegate = delegate;
        this.gate = new Semaphore(atOnce, true);
        this.waitNanos = wait.toNanos();
        this.busy = Counter.builder("line102.callcenter.signin.password.busy")
                .description("sign-ins refused because every password check was busy").register(meters);
        this.checks = Counter.builder("line102.callcenter.signin.password.checks")
                .description("password hashes compared (bcrypt runs)").register(meters);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        try {
            if (!gate.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                busy.increment();
                throw new PasswordChecksBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordChecksBusyException();
        }
        try {
            checks.increment();
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            gate.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
