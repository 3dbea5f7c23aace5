package kz.line102.callcenter.archive;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.audit.*}: the audit chain's key and the anchors of its head outside the
 * database. Described in {@code conf/application.yml}.
 *
 * @param hmacKey        HMAC-SHA256 key of the chain; from the environment only ({@code LINE102_AUDIT_HMAC_KEY}),
 *                       required (the demo, dev and test profiles set a published one)
 * @param checkpointDir  where the signed checkpoints of the chain's head are written (one file each)
 * @param checkpointCron when the daily checkpoint is written (the centre's zone)
 */
@Validated
@ConfigurationProperties("line102.audit")
public record AuditProperties(@NotBlank(message = "line102.audit.hmac-key (LINE102_AUDIT_HMAC_KEY) is required: the"
        + " audit chain's key") String hmacKey, @NotNull Path checkpointDir, @NotBlank String checkpointCron) {

    @Override
    public String toString() {
        return "AuditProperties[hmacKey=***, checkpointDir=" + checkpointDir + ", checkpointCron=" + checkpointCron
                + "]";
    }
}
