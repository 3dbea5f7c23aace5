package kz.line102.callcenter.app;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.redis.*}: the Redis every node shares (stream, live state, pub/sub).
 *
 * @param password   empty for none; from the environment only ({@code LINE102_REDIS_PASSWORD})
 * @param keyPrefix  the first part of every key and channel name ({@link RedisKeys})
 * @param durability what start-up and a periodic check demand of this Redis ({@link RedisDurabilityCheck})
 */
@Validated
@ConfigurationProperties("line102.redis")
public record RedisProperties(@NotBlank String host, @Min(1) @Max(65535) int port, String password,
                              @Min(100) int timeoutMillis,
                              @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.:-]*[A-Za-z0-9_.-]") String keyPrefix,
                              @Valid @NotNull Durability durability) {

    /**
     * {@code line102.redis.durability.*}: the stream's entries are forgotten by the bridge
     * once Redis acknowledged them, so that Redis must keep them (append-only file synced
     * at least every second) and never evict them.
     *
     * @param mode           {@code refuse}: no start while a setting is missing; {@code warn}: a WARN line and
     *                       a DOWN health detail only (demo, tests: CI's Redis runs without AOF)
     * @param checkInterval  how often the settings are read again while running
     * @param configDisabled what to conclude when {@code CONFIG GET} is refused (renamed or disabled on a
     *                       managed Redis): {@code refuse} or {@code warn}, after saying so in the log
     */
    /** Spelled out: the password never reaches a log line. */
    @Override
    public String toString() {
        return "RedisProperties[host=" + host + ", port=" + port + ", password=" + Secrets.hidden(password)
                + ", timeoutMillis=" + timeoutMillis + ", keyPrefix=" + keyPrefix + ", durability=" + durability + "]";
    }

    public record Durability(@NotNull Mode mode, @NotNull Duration checkInterval, @NotNull Mode configDisabled) {
    }

    public enum Mode { REFUSE, WARN }
}
