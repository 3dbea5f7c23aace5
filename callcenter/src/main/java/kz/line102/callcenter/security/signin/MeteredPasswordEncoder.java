package kz.line102.callcenter.security.signin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts password checks ({@code line102.callcenter.signin.password.checks}): each is
 * a bcrypt, the one costly step of a sign-in, so the count shows what guessing costs
 * the CPU and proves that locked attempts cost none.
 */
public class MeteredPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Counter checks;

    public MeteredPasswordEncoder(PasswordEncoder delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.checks = Counter.builder("line102.callcenter.signin.password.checks")
                .description("password hashes compared (bcrypt runs)").register(meters);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        checks.increment();
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
