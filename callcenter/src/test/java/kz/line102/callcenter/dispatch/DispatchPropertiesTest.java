package kz.line102.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every priority needs a positive deadline, or the application does not start. */
class DispatchPropertiesTest {

    @Test
    void aMissingOrNonPositiveDeadlineIsRefusedNamingThePriority() {
        assertThatThrownBy(() -> new DispatchProperties(Map.of(1, Duration.ofMinutes(10), 2, Duration.ofMinutes(15),
                4, Duration.ofHours(1)), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priority 3");
        assertThatThrownBy(() -> new DispatchProperties(Map.of(1, Duration.ZERO, 2, Duration.ofMinutes(15),
                3, Duration.ofMinutes(30), 4, Duration.ofHours(1)), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("priority 1");
        DispatchProperties ok = new DispatchProperties(Map.of(1, Duration.ofMinutes(10), 2, Duration.ofMinutes(15),
                3, Duration.ofMinutes(30), 4, Duration.ofHours(1)), Duration.ofSeconds(10));
        assertThat(ok.deadlineFor(null)).isEqualTo(Duration.ofMinutes(30));
        assertThat(ok.deadlineFor(1)).isEqualTo(Duration.ofMinutes(10));
    }
}
