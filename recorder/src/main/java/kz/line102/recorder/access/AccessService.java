package kz.line102.recorder.access;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import kz.line102.recorder.NoSuchRecordingException;
import kz.line102.recorder.Recording;
import kz.line102.recorder.catalog.Jdbc;
import kz.line102.recorder.catalog.JdbcRecordingRepository;
import kz.line102.recorder.storage.ArchiveStore;

/** Opens archived recordings for playback and download, logging every access first. */
public final class AccessService {

    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final JdbcRecordingRepository recordings;
    private final ArchiveStore store;
    private final DataSource ds;
    private final Clock clock;

    public AccessService(JdbcRecordingRepository recordings, ArchiveStore store, DataSource ds, Clock clock) {
        this.recordings = recordings;
        this.store = store;
        this.ds = ds;
        this.clock = clock;
    }

    /**
     * Opens the recording at the range {@code rangeHeader} asks (null: the whole file).
     *
     * @throws NoSuchRecordingException     when there is no live recording with this id
     * @throws MalformedRangeException      when the header is malformed
     * @throws RangeNotSatisfiableException when the range is outside the file
     */
    public RecordingContent open(UUID id, String rangeHeader, AccessRequest who) throws IOException {
        Recording r = recordings.find(id).orElseThrow(() -> new NoSuchRecordingException(id));
        ByteRange range = ByteRange.parse(rangeHeader, store.size(r.path()));
        log(r, who, "stream", range);
        InputStream in = store.open(r.path(), range.start());
        return new RecordingContent(r, range, new Limited(in, range.length()));
    }

    /** The manifest of a download of the whole file; logged as a download. */
    public DownloadManifest manifest(UUID id, AccessRequest who) throws IOException {
        Recording r = recordings.find(id).orElseThrow(() -> new NoSuchRecordingException(id));
        long size = store.size(r.path());
        log(r, who, "download", new ByteRange(0, size - 1, size));
        String name = "102-" + NAME_TIME.format(r.callAt()) + "-" + r.callId() + "." + r.extension();
        return new DownloadManifest(r.id(), r.callId(), r.incidentId(), r.callAt(), r.callerNumber(), r.operator(),
                r.duration(), name, r.contentType(), size, r.sha256());
    }

    private void log(Recording r, AccessRequest who, String kind, ByteRange range) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into recording_access_log (recording_id, user_id,"
                    + " legal_basis, reference, kind, range_start, range_end, at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, r.id());
                ps.setString(2, who.userId());
                ps.setString(3, who.legalBasis());
                ps.setString(4, who.reference());
                ps.setString(5, kind);
                ps.setLong(6, range.start());
                ps.setLong(7, range.end());
                Jdbc.set(ps, 8, clock.instant());
                return ps.executeUpdate();
            }
        });
    }

    /** A stream that ends after {@code remaining} bytes. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }
}
