package kz.line102.callcenter.security.signin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code line102.callcenter.signin.attempts{outcome=success|failure|locked, method=form|basic}}. */
final class SignInMetrics {

    private static final String NAME = "line102.callcenter.signin.attempts";
    private final MeterRegistry meters;

    SignInMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void succeeded(String method) {
        counter("success", method).increment();
    }

    void failed(String method) {
        counter("failure", method).increment();
    }

    void rejected(String method) {
        counter("locked", method).increment();
    }

    private Counter counter(String outcome, String method) {
        return Counter.builder(NAME).description("sign-in attempts by outcome; locked ones never reach bcrypt")
                .tag("outcome", outcome).tag("method", method).register(meters);
    }
}
