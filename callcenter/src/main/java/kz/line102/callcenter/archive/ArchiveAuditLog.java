package kz.line102.callcenter.archive;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only {@code audit_log}: every row carries HMAC-SHA256 (under
 * {@code line102.audit.hmac-key}, which the database never sees) over the previous row's
 * hash and its own content, so a row edited or deleted afterwards is found by
 * {@link #verify(long)}, even by someone who owns the table and switched its guard off:
 * without the key they cannot make the hashes again. Rows written before the key
 * (V80) keep plain SHA-256 and are accepted only before the first keyed row. Deleting
 * the newest rows, or rewriting the unkeyed past, is caught against the heads anchored
 * outside the database ({@link AuditCheckpoints}). This class only inserts.
 */
@Component
public class ArchiveAuditLog {

    /** The hash the first row chains to. */
    static final String GENESIS = "0".repeat(64);
    /** Serialises appends across nodes: two rows must never chain to the same predecessor. */
    private static final long LOCK = 0x102_A0D17L;

    static final String KEYED = "hmac-sha256";
    static final String UNKEYED = "sha256";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final byte[] key;
    private final AuditCheckpoints anchors;

    ArchiveAuditLog(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, AuditProperties props,
                    AuditCheckpoints anchors) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.key = props.hmacKey().getBytes(StandardCharsets.UTF_8);
        this.anchors = anchors;
    }

    /** The newest entry: what the checkpoints and the signed daily reports anchor. */
    public record Head(long id, String hash) {
    }

    /** One use of the archive, as written. */
    public record Entry(long id, Instant at, String username, String action, UUID recordingId, UUID requestId,
                        String detail, String prevHash, String hash) {
    }

    /**
     * Where a check of the chain stopped: {@code brokenAt} is the first bad row's id, or null
     * when intact; {@code anchors} the heads anchored outside the database that were checked.
     */
    public record Verification(long checked, Long brokenAt, String problem, int anchors) {
        Verification(long checked, Long brokenAt, String problem) {
            this(checked, brokenAt, problem, 0);
        }

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
            String hash = hash(new Entry(id, at, username, action, recordingId, requestId, detail, prev, null), key);
            jdbc.update("insert into audit_log (id, at, username, action, recording_id, request_id, detail,"
                            + " prev_hash, hash, hash_alg) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, Timestamp.from(at), username, action, recordingId, requestId, detail, prev, hash, KEYED);
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
        boolean[] keyedSeen = {Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from audit_log where id < ? and hash_alg = ?)", Boolean.class, fromId, KEYED))};
        jdbc.query("select id, at, username, action, recording_id, request_id, detail, prev_hash, hash, hash_alg"
                + " from audit_log where id >= ? order by id", rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    Entry e = new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                            rs.getString(7), rs.getString(8), rs.getString(9));
                    boolean keyed = KEYED.equals(rs.getString(10));
                    if (!e.prevHash().equals(prev[0])) {
                        broken[0] = new Verification(checked[0], e.id(), "does not chain to the row before it");
                    } else if (!keyed && keyedSeen[0]) {
                        broken[0] = new Verification(checked[0], e.id(),
                                "an unkeyed entry after keyed ones: written without the key, i.e. rewritten");
                    } else if (!hash(e, keyed ? key : null).equals(e.hash())) {
                        broken[0] = new Verification(checked[0], e.id(), "content does not match its hash");
                    } else {
                        checked[0]++;
                        keyedSeen[0] |= keyed;
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
        if (truncated != null) {
            return truncated;
        }
        // The chain is whole as the database has it; does it still hold the heads anchored outside?
        AuditCheckpoints.Check anchored = anchors.check(id -> jdbc.query("select hash from audit_log where id = ?",
                rs -> rs.next() ? rs.getString(1) : null, id));
        return new Verification(checked[0], anchored.brokenAt(), anchored.problem(), anchored.checked());
    }

    /** The newest entry, or the genesis (id 0) when the log is empty. */
    public Head head() {
        return jdbc.query("select id, hash from audit_log order by id desc limit 1",
                rs -> rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, GENESIS));
    }

    /** @param key null: plain SHA-256 (entries written before the key, V80) */
    static String hash(Entry e, byte[] key) {
        // Length-prefixed fields: no value can be shifted into its neighbour.
        StringBuilder b = new StringBuilder();
        for (Object field : new Object[] {e.prevHash(), e.id(), e.at().getEpochSecond() + "." + e.at().getNano(),
                e.username(), e.action(), e.recordingId(), e.requestId(), e.detail()}) {
            String s = String.valueOf(field);
            b.append(s.length()).append(':').append(s).append('|');
        }
        byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (key == null) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text));
        } catch (GeneralSecurityException e1) {
            throw new IllegalStateException("every JRE has SHA-256 and HmacSHA256", e1);
        }
    }
}
