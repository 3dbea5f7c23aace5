package kz.line102.callcenter.app;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.redis.*}: the Redis every node shares (stream, live state, pub/sub).
 *
 * @param password empty for none; from the environment only ({@code LINE102_REDIS_PASSWORD})
 */
@Validated
@ConfigurationProperties("line102.redis")
public record RedisProperties(@NotBlank String host, @Min(1) @Max(65535) int port, String password,
                              @Min(100) int timeoutMillis) {
}
