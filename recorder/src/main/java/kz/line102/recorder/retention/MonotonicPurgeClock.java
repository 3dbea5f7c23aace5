package kz.line102.recorder.retention;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import kz.line102.recorder.catalog.Jdbc;

/**
 * The time the purge may trust: one row ({@code retention_clock}) that every node moves
 * forward by what its own monotonic clock measured since it last moved it, never by what
 * a wall clock reads. A wall clock set a year ahead therefore gains the purge nothing:
 * the trusted time advances at the speed of real time, or slower (while no node runs it
 * does not advance at all), so a deletion can come late, never early.
 *
 * <p>Why it never runs ahead: the row starts at a time that had passed (the earlier of
 * the node's and the database's clocks when it was created); a node adds only the
 * nanoseconds it measured itself since it read a value that had passed, so the sum has
 * passed too; and taking the larger of two such values keeps that true. A node that
 * starts adds nothing until it has read the row once.
 */
final class MonotonicPurgeClock {

    private final DataSource ds;
    private final LongSupplier nanoTime;
    private Instant base;
    private long baseNanos;

    MonotonicPurgeClock(DataSource ds, LongSupplier nanoTime) {
        this.ds = ds;
        this.nanoTime = nanoTime;
    }

    /**
     * Moves the shared trusted time forward by what this node measured and returns it.
     *
     * @param initial the time to start from if no node ever started the clock
     */
    synchronized Instant advance(Instant initial) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into retention_clock (id, trusted_at, updated_at)"
                    + " values (true, ?, clock_timestamp()) on conflict do nothing")) {
                Jdbc.set(ps, 1, initial);
                ps.executeUpdate();
            }
            Instant stored;
            try (PreparedStatement ps = c.prepareStatement(
                    "select trusted_at from retention_clock where id for update");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                stored = Jdbc.instant(rs, "trusted_at");
            }
            long now = nanoTime.getAsLong();
            Instant trusted = stored;
            if (base != null) {
                Instant measured = base.plusNanos(Math.max(0, now - baseNanos));
                if (measured.isAfter(trusted)) {
                    trusted = measured;
                }
            }
            if (trusted.isAfter(stored)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "update retention_clock set trusted_at = ?, updated_at = clock_timestamp() where id")) {
                    Jdbc.set(ps, 1, trusted);
                    ps.executeUpdate();
                }
            }
            base = trusted;
            baseNanos = now;
            return trusted;
        });
    }
}
