package kz.line102.callcenter.certification.recording;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.certification.recordings.*}.
 *
 * @param maxBytes       the largest interview recording taken; more is refused with 413
 *                       and nothing of it kept
 * @param retentionClass the recorder's retention class the recordings are kept under
 *                       (its period is a row of {@code retention_policies})
 */
@Validated
@ConfigurationProperties("line102.callcenter.certification.recordings")
record InterviewRecordingProperties(@NotNull DataSize maxBytes, @NotBlank String retentionClass) {
}
