package kz.line102.callcenter.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only {@code audit_log}: every row carries SHA-256 over the previous row's
 * hash and its own content, so a row edited or deleted afterwards is found by
 * {@link #verify(long)}. This class only inserts; there is deliberately no update or
 * delete path. (Deleting the newest rows leaves a shorter but valid chain: anchor the
 * latest hash elsewhere, e.g. in the daily report, to catch that too.)
 */
@Component
public class ArchiveAuditLog {

    /** The hash the first row chains to. */
    static final String GENESIS = "0".repeat(64);
    /** Serialises appends across nodes: two rows must never chain to the same predecessor. */
    private static final long LOCK = 0x102_A0D17L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    ArchiveAuditLog(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** One use of the archive, as written. */
    public record Entry(long id, Instant at, String username, String action, UUID recordingId, UUID requestId,
                        String detail, String prevHash, String hash) {
    }

    /** Where a check of the chain stopped: {@code brokenAt} is the first bad row's id, or null when intact. */
    public record Verification(long checked, Long brokenAt, String problem) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    /** Appends one entry and returns its id. */
    public long append(String username, String action, UUID recordingId, UUID requestId, String detail) {
        // PostgreSQL keeps microseconds: hash what will be read back.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK);
            String prev = jdbc.query("select hash from audit_log order by id desc limit 1",
                    rs -> rs.next() ? rs.getString(1) : GENESIS);
            Long id = jdbc.queryForObject("select nextval('audit_log_id_seq')", Long.class);
            String hash = hash(new Entry(id, at, username, action, recordingId, requestId, detail, prev, null));
            jdbc.update("insert into audit_log (id, at, username, action, recording_id, request_id, detail,"
                            + " prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, Timestamp.from(at), username, action, recordingId, requestId, detail, prev, hash);
            jdbc.update("insert into audit_log_head (singleton, last_id, last_hash) values (true, ?, ?)"
                    + " on conflict (singleton) do update set last_id = excluded.last_id, last_hash = excluded.last_hash",
                    id, hash);
            return id;
        });
    }

    /** Entries from {@code fromId} on, oldest first: the log is read, never changed. */
    public List<Entry> read(long fromId, int limit) {
        return jdbc.query("select id, at, username, action, recording_id, request_id, detail, prev_hash, hash"
                        + " from audit_log where id >= ? order by id limit ?",
                (rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                        rs.getString(9)),
                fromId, limit);
    }

    /**
     * Re-computes the chain from row {@code fromId} on (0: from the start) and reports the
     * first row whose hash or link is wrong: an edited row fails its own hash, a deleted
     * one breaks its successor's link (ids must also follow without gaps other than those
     * of rolled-back inserts, which never happen here because the id is taken under the lock),
     * and a chain that no longer reaches the head written with the newest entry has lost
     * its newest entries.
     */
    public Verification verify(long fromId) {
        String[] prev = {jdbc.query("select hash from audit_log where id < ? order by id desc limit 1",
                rs -> rs.next() ? rs.getString(1) : GENESIS, fromId)};
        long[] checked = {0};
        Verification[] broken = {null};
        jdbc.query("select id, at, username, action, recording_id, request_id, detail, prev_hash, hash"
                + " from audit_log where id >= ? order by id", rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    Entry e = new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                            rs.getString(7), rs.getString(8), rs.getString(9));
                    if (!e.prevHash().equals(prev[0])) {
                        broken[0] = new Verification(checked[0], e.id(), "does not chain to the row before it");
                    } else if (!hash(e).equals(e.hash())) {
                        broken[0] = new Verification(checked[0], e.id(), "content does not match its hash");
                    } else {
                        checked[0]++;
                        prev[0] = e.hash();
                    }
                }, fromId);
        if (broken[0] != null) {
            return broken[0];
        }
        // The chain links; does it still reach the newest entry ever written?
        Verification truncated = jdbc.query("select last_id, last_hash from audit_log_head", rs -> {
            if (rs.next() && !rs.getString(2).equals(prev[0])) {
                return new Verification(checked[0], rs.getLong(1),
                        "the newest entries are missing: the log no longer reaches entry " + rs.getLong(1));
            }
            return null;
        });
        return truncated != null ? truncated : new Verification(checked[0], null, null);
    }

    static String hash(Entry e) {
        // Length-prefixed fields: no value can be shifted into its neighbour.
        StringBuilder b = new StringBuilder();
        for (Object field : new Object[] {e.prevHash(), e.id(), e.at().getEpochSecond() + "." + e.at().getNano(),
                e.username(), e.action(), e.recordingId(), e.requestId(), e.detail()}) {
            String s = String.valueOf(field);
            b.append(s.length()).append(':').append(s).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("every JRE has SHA-256", e1);
        }
    }
}
