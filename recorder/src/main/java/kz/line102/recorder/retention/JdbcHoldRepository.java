package kz.line102.recorder.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import kz.line102.recorder.NoSuchRecordingException;
import kz.line102.recorder.catalog.Jdbc;

/** The {@code legal_holds} table. Holds are never deleted: lifting one records who, why and on what basis. */
final class JdbcHoldRepository {

    private final DataSource ds;

    JdbcHoldRepository(DataSource ds) {
        this.ds = ds;
    }

    /** Places a hold on a live recording, under the recording's row lock (see the purge). */
    LegalHold place(UUID recordingId, String reason, String reference, String userId, Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select 1 from recordings where id = ? and deleted_at is null for update")) {
                ps.setObject(1, recordingId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NoSuchRecordingException(recordingId);
                    }
                }
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement("insert into legal_holds (id, recording_id, reason,"
                    + " reference, placed_by, placed_at) values (?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setObject(2, recordingId);
                ps.setString(3, reason);
                ps.setString(4, reference);
                ps.setString(5, userId);
                Jdbc.set(ps, 6, now);
                ps.executeUpdate();
            }
            return new LegalHold(id, recordingId, reason, reference, userId, now, null, null, null, null);
        });
    }

    LegalHold lift(UUID holdId, String reason, String reference, String userId, Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            LegalHold hold = find(c, holdId).orElseThrow(() -> new NoSuchHoldException(holdId));
            if (!hold.active()) {
                throw new HoldNotActiveException(holdId);
            }
            try (PreparedStatement ps = c.prepareStatement("update legal_holds set lifted_by = ?, lifted_at = ?,"
                    + " lift_reason = ?, lift_reference = ? where id = ? and lifted_at is null")) {
                ps.setString(1, userId);
                Jdbc.set(ps, 2, now);
                ps.setString(3, reason);
                ps.setString(4, reference);
                ps.setObject(5, holdId);
                if (ps.executeUpdate() == 0) {
                    throw new HoldNotActiveException(holdId); // lifted concurrently
                }
            }
            return find(c, holdId).orElseThrow();
        });
    }

    /** Every hold ever placed on the recording, newest first. */
    List<LegalHold> holds(UUID recordingId) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select * from legal_holds where recording_id = ? order by placed_at desc, id")) {
                ps.setObject(1, recordingId);
                List<LegalHold> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    static boolean isHeld(Connection c, UUID recordingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from legal_holds where recording_id = ? and lifted_at is null limit 1")) {
            ps.setObject(1, recordingId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<LegalHold> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select * from legal_holds where id = ? for update")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static LegalHold map(ResultSet rs) throws SQLException {
        return new LegalHold(rs.getObject("id", UUID.class), rs.getObject("recording_id", UUID.class),
                rs.getString("reason"), rs.getString("reference"), rs.getString("placed_by"),
                Jdbc.instant(rs, "placed_at"), rs.getString("lifted_by"), Jdbc.instant(rs, "lifted_at"),
                rs.getString("lift_reason"), rs.getString("lift_reference"));
    }
}
