package kz.line102.callcenter.queue;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.queue.*}, described in {@code conf/application.yml}.
 *
 * @param pauseReasons       the reasons an operator may pause with
 * @param reconcileInterval  how often operator states are compared with the PBX's QueueStatus (also at
 *                           start-up and after every AMI reconnect)
 * @param wrapUpCheck        how often ended wrap-ups are looked for
 * @param loadRefresh        how often the queue load the routing rules read is refreshed from Redis
 */
@Validated
@ConfigurationProperties("line102.callcenter.queue")
public record QueueProperties(@NotEmpty List<@NotBlank String> pauseReasons, @NotNull Duration reconcileInterval,
                              @NotNull Duration wrapUpCheck, @NotNull Duration loadRefresh) {
}
