package kz.line102.callcenter.security.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password checks pass a gate of a few at once; past the wait a sign-in is refused busy, unjudged. */
class PasswordCheckGateTest {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final PasswordEncoder slow = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return raw.toString();
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return raw.toString().equals(encoded);
        }
    };

    @Test
    void aCheckBeyondTheGateWaitsThenIsRefusedBusyAndTheNextOneRunsOnceTheGateFrees() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MeteredPasswordEncoder encoder = new MeteredPasswordEncoder(slow, meters, 1, Duration.ofMillis(100));
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> encoder.matches("secret", "secret"));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> encoder.matches("guess", "secret")).isInstanceOf(PasswordChecksBusyException.class);
        assertThat(meters.get("line102.callcenter.signin.password.busy").counter().count()).isEqualTo(1);
        assertThat(meters.get("line102.callcenter.signin.password.checks").counter().count()).isEqualTo(1);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(encoder.matches("secret", "secret")).isTrue();
        assertThat(meters.get("line102.callcenter.signin.password.checks").counter().count()).isEqualTo(2);
    }

    @Test
    void halfTheProcessorsAtOnceUnlessConfigured() {
        SignInProperties.Limits l = new SignInProperties.Limits(3, 10);
        SignInProperties auto = new SignInProperties(l, l, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofHours(1), 0, Duration.ofSeconds(3));
        assertThat(auto.checksAtOnce()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        SignInProperties four = new SignInProperties(l, l, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofHours(1), 4, Duration.ofSeconds(3));
        assertThat(four.checksAtOnce()).isEqualTo(4);
    }
}
