package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleFromTheMinimumUpToTheCapWithJitterInTheUpperHalf() {
        Backoff highest = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.999_999);
        Backoff lowest = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.0);

        List<Long> high = new ArrayList<>();
        List<Long> low = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            high.add(highest.next().toMillis());
            low.add(lowest.next().toMillis());
        }

        assertThat(high).containsExactly(199L, 399L, 799L, 1599L, 3199L, 6399L, 12799L, 25599L, 29999L, 29999L,
                29999L, 29999L);
        assertThat(low).containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 12800L, 15000L, 15000L,
                15000L, 15000L);
    }

    @Test
    void resetStartsAgainFromTheMinimum() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.0);
        for (int i = 0; i < 100; i++) {
            backoff.next();
        }

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }
}
