package kz.line102.callcenter.archive;

import jakarta.validation.constraints.NotNull;
import kz.line102.recorder.RecorderProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.recorder.*} (documented in {@code conf/recorder.yml}), bound straight into
 * the recorder's own records: they validate every value in their constructors, so a bad
 * key stops start-up with its name. Only the top level lives here because the recorder,
 * a library, does not import Spring.
 */
@Validated
@ConfigurationProperties("line102.recorder")
record RecorderSettings(@NotNull RecorderProperties.Ingest ingest, @NotNull RecorderProperties.Transcode transcode,
                        @NotNull RecorderProperties.Storage storage, @NotNull RecorderProperties.Retention retention,
                        @NotNull RecorderProperties.Integrity integrity) {

    RecorderProperties toRecorder() {
        return new RecorderProperties(ingest, transcode, storage, retention, integrity);
    }

    /**
     * @param relaxed a demonstration or test profile is active: the directories may be
     *                relative and are not checked at start-up
     */
    RecorderProperties toRecorder(boolean relaxed) {
        RecorderProperties.Storage checked = relaxed
                ? new RecorderProperties.Storage(storage.archiveRoot(), storage.minFreeBytes(), Boolean.FALSE)
                : storage;
        return new RecorderProperties(ingest, transcode, checked, retention, integrity);
    }
}
