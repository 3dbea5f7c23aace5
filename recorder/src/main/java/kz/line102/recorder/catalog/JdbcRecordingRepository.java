package kz.line102.recorder.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import kz.line102.recorder.InvalidRequestException;
import kz.line102.recorder.Recording;

/** The {@code recordings} table. Purged rows stay (deleted_at set) for the audit, and are invisible here. */
public final class JdbcRecordingRepository {

    static final String COLUMNS = "id, call_id, incident_id, call_at, caller_number, operator, source_name, path, "
            + "sha256, size_bytes, duration_ms, codec, retention_class, retain_from, ingested_at, orphan, truncated_reason, operator_user";

    private final DataSource ds;

    public JdbcRecordingRepository(DataSource ds) {
        this.ds = ds;
    }

    /** Inserts {@code r} in the caller's transaction (the ingest marks its job in the same one). */
    public void insert(Connection c, Recording r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into recordings (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, r.id());
            ps.setString(2, r.callId());
            ps.setString(3, r.incidentId());
            Jdbc.set(ps, 4, r.callAt());
            ps.setString(5, r.callerNumber());
            ps.setString(6, r.operator());
            ps.setString(7, r.sourceName());
            ps.setString(8, r.path());
            ps.setString(9, r.sha256());
            ps.setLong(10, r.sizeBytes());
            ps.setLong(11, r.duration().toMillis());
            ps.setString(12, r.codec());
            ps.setString(13, r.retentionClass());
            Jdbc.set(ps, 14, r.retainFrom());
            Jdbc.set(ps, 15, r.ingestedAt());
            ps.setBoolean(16, r.orphan());
            ps.setString(17, r.truncatedReason());
            ps.setString(18, r.operatorUser());
            ps.executeUpdate();
        }
    }

    /** The live recording with this id. */
    public Optional<Recording> find(UUID id) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                    + " from recordings where id = ? and deleted_at is null")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Links every recording of a call to the incident card it became; returns how many. */
    public int linkIncident(String callId, String incidentId) {
        String call = InvalidRequestException.requireText(callId, "call id");
        String incident = InvalidRequestException.requireText(incidentId, "incident id");
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update recordings set incident_id = ? where call_id = ? and deleted_at is null")) {
                ps.setString(1, incident);
                ps.setString(2, call);
                return ps.executeUpdate();
            }
        });
    }

    /** One page of live recordings matching {@code q}, newest call first. */
    /** @param callsOnly leave out uploads, filed under kind/id (a call's id is a UUID, with no slash) */
    public RecordingPage search(RecordingQuery q, boolean callsOnly) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from recordings where deleted_at is null");
        if (callsOnly) {
            sql.append(" and strpos(call_id, '/') = 0");
        }
        List<Object> args = new ArrayList<>();
        filter(sql, args, "call_at >= ?", q.from());
        filter(sql, args, "call_at < ?", q.to());
        filter(sql, args, "caller_number = ?", q.callerNumber());
        if (q.operator() != null && !q.operator().isBlank()) {
            // The desk's extension or the person signed in at it: auditors know one or the other.
            sql.append(" and (operator = ? or operator_user = ?)");
            args.add(q.operator());
            args.add(q.operator());
        }
        filter(sql, args, "call_id = ?", q.callId());
        filter(sql, args, "incident_id = ?", q.incidentId());
        filter(sql, args, "orphan = ?", q.orphan());
        if (q.after() != null) {
            PageCursor cursor = PageCursor.decode(q.after());
            // A row comparison walks the (call_at desc, id desc) indexes without an offset.
            sql.append(" and (call_at, id) < (?, ?)");
            args.add(cursor.callAt());
            args.add(cursor.id());
        }
        sql.append(" order by call_at desc, id desc limit ?");
        args.add(q.size() + 1);
        List<Recording> rows = Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    Object a = args.get(i);
                    if (a instanceof Instant t) {
                        Jdbc.set(ps, i + 1, t);
                    } else {
                        ps.setObject(i + 1, a);
                    }
                }
                List<Recording> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
        if (rows.size() <= q.size()) {
            return new RecordingPage(rows, null);
        }
        List<Recording> page = rows.subList(0, q.size());
        Recording last = page.get(page.size() - 1);
        return new RecordingPage(page, new PageCursor(last.callAt(), last.id()).encode());
    }

    /** Live recordings with ids after {@code after} (null: from the start), in id order, for full scans. */
    public List<Recording> scan(UUID after, int limit) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from recordings"
                    + " where deleted_at is null and (?::uuid is null or id > ?::uuid) order by id limit ?")) {
                ps.setObject(1, after);
                ps.setObject(2, after);
                ps.setInt(3, limit);
                List<Recording> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    private static void filter(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            sql.append(" and ").append(clause);
            args.add(value);
        }
    }

    /** Maps a row selected with {@link #COLUMNS}. */
    public static Recording map(ResultSet rs) throws SQLException {
        return new Recording(rs.getObject("id", UUID.class), rs.getString("call_id"), rs.getString("incident_id"),
                Jdbc.instant(rs, "call_at"), rs.getString("caller_number"), rs.getString("operator"),
                rs.getString("source_name"), rs.getString("path"), rs.getString("sha256"),
                rs.getLong("size_bytes"), Duration.ofMillis(rs.getLong("duration_ms")), rs.getString("codec"),
                rs.getString("retention_class"), Jdbc.instant(rs, "retain_from"), Jdbc.instant(rs, "ingested_at"),
                rs.getBoolean("orphan"), rs.getString("truncated_reason"), rs.getString("operator_user"));
    }
}
