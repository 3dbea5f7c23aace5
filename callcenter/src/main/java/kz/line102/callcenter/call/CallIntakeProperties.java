package kz.line102.callcenter.call;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.intake.*}: how this node reads the call event stream. Which
 * stream is the bridge's one key, {@code line102.cti.stream.key} ({@link #STREAM_KEY}), so
 * publisher and consumer cannot disagree.
 *
 * @param group           the consumer group all callcenter nodes share
 * @param consumerName    this node's name in the group; stable across restarts so it
 *                        takes back what it had not acknowledged
 * @param batchSize       entries committed per transaction
 * @param claimIdleMillis entries another consumer left unacknowledged this long are taken over
 * @param poisonAfter     failures of one entry, for a reason of its own (not the database
 *                        being away), after which it is set aside in call_event_rejects
 * @param retryMillis     wait before a batch that could not be stored is offered again;
 *                        doubles while the store keeps failing
 * @param retryMaxMillis  the longest such wait
 */
@Validated
@ConfigurationProperties("line102.callcenter.intake")
public record CallIntakeProperties(@NotBlank String group, @NotBlank String consumerName,
                                   @Min(1) int batchSize, @Min(1000) long claimIdleMillis, @Min(1) int poisonAfter,
                                   @Min(10) long retryMillis, @Min(10) long retryMaxMillis) {

    /** The property both sides read: the stream the bridge appends to and the intake consumes. */
    public static final String STREAM_KEY = "${line102.cti.stream.key}";

    String endpointUri(String stream) {
        return "redis-stream:" + stream + "?group=" + group + "&consumerName=" + consumerName
                + "&batchSize=" + batchSize + "&claimIdleMillis=" + claimIdleMillis
                + "&retryMillis=" + retryMillis + "&retryMaxMillis=" + retryMaxMillis;
    }
}
