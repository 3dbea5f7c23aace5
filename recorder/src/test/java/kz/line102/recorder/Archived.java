package kz.line102.recorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import kz.line102.recorder.catalog.Jdbc;
import kz.line102.recorder.catalog.JdbcRecordingRepository;
import kz.line102.recorder.storage.Sha256;

/** Puts recordings straight into the archive and index, skipping the transcode, for tests of what follows ingest. */
public final class Archived {

    private Archived() {
    }

    public static Recording put(Harness h, Instant callAt, String retentionClass, String caller, String operator)
            throws IOException {
        UUID id = UUID.randomUUID();
        Path staged = Files.createTempFile("rec", ".opus");
        Files.writeString(staged, "OggS fake opus of " + id);
        String sha = Sha256.of(staged);
        String path = h.store.store(staged, sha, callAt);
        Files.delete(staged);
        Recording r = new Recording(id, "call-" + id, null, callAt, caller, operator, "/spool/" + id + ".wav", path,
                sha, Files.size(h.store.resolve(path)), Duration.ofSeconds(20), "opus/ogg", retentionClass, callAt,
                h.clock.instant());
        Jdbc.inTransaction(TestDatabase.get(), c -> {
            new JdbcRecordingRepository(TestDatabase.get()).insert(c, r);
            return null;
        });
        return r;
    }

    public static Recording put(Harness h, Instant callAt, String retentionClass) throws IOException {
        return put(h, callAt, retentionClass, "+77012345678", "1001");
    }
}
