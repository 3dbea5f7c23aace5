package kz.line102.recorder.ingest;

/** Where an ingest job stands. Only PENDING and ARCHIVED are ever resumed. */
public enum IngestState {
    /** Not yet archived: the source is the only copy. */
    PENDING,
    /** Archived and indexed; the source may still exist and is deleted next. */
    ARCHIVED,
    /** Finished: archived and the source deleted. */
    DONE,
    /** The source is unreadable; a copy is in quarantine and the source is kept. */
    QUARANTINED,
    /** The source holds no audio (a zero-length call); nothing archived, the source kept. */
    EMPTY,
    /** The source never appeared after every attempt. */
    MISSING;

    String db() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static IngestState of(String db) {
        return valueOf(db.toUpperCase(java.util.Locale.ROOT));
    }
}
