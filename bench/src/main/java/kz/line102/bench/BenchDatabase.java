package kz.line102.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.UUID;

/**
 * The benchmark's own PostgreSQL database, created empty at start and dropped at the
 * end (through the {@code postgres} maintenance database), and the queries that read
 * the results. Never touches the application's or the tests' databases.
 */
final class BenchDatabase implements AutoCloseable {

    private final String host;
    private final int port;
    private final String name;
    private final String user;
    private Connection connection;

    BenchDatabase(String host, int port, String name, String user) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}") || !name.contains("bench")) {
            throw new IllegalArgumentException("refusing to use database '" + name + "': not a bench database");
        }
        this.host = host;
        this.port = port;
        this.name = name;
        this.user = user;
    }

    String url() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** Drops the database if a former run left it, and creates it empty. */
    void recreate() throws SQLException {
        admin("drop database if exists " + name + " with (force)");
        admin("create database " + name);
        connection = DriverManager.getConnection(url(), user, "");
    }

    /** Calls of {@code ids} whose record is final: an outcome and an end. */
    int finished(Collection<UUID> ids) throws SQLException {
        return count("select count(*) from calls where id = any(?) and outcome is not null and ended_at is not null",
                ids);
    }

    /** Final records in the whole database: a cheap count to poll (it holds only this benchmark's calls). */
    int finishedTotal() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from calls where outcome is not null and ended_at is not null")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Calls of {@code ids} recorded with an outcome. */
    int recorded(Collection<UUID> ids) throws SQLException {
        return count("select count(*) from calls where id = any(?) and outcome is not null", ids);
    }

    long events(Collection<UUID> ids) throws SQLException {
        return count("select count(*) from call_events where call_id = any(?)", ids);
    }

    /**
     * The same call event stored more than once: rows of one call and type whose content
     * is equal except for the event id (a second id would be the only way past the
     * primary key on event_id).
     */
    int duplicatedEvents(Collection<UUID> ids) throws SQLException {
        return count("""
                select coalesce(sum(n - 1), 0) from (
                    select count(*) as n from call_events where call_id = any(?)
                    group by call_id, type, at, ((payload->>'body')::jsonb - 'eventId')
                    having count(*) > 1) d""", ids);
    }

    /** Call records that belong to no call the benchmark played (a call recorded twice under two ids). */
    int strayCalls(Collection<UUID> played) throws SQLException {
        return count("select count(*) from calls where not (id = any(?))", played);
    }

    /** Caller numbers that got more than one call record (each replayed call has a fresh number). */
    int numbersRecordedTwice(Collection<UUID> ids) throws SQLException {
        return count("""
                select coalesce(sum(n - 1), 0) from (
                    select count(*) as n from calls where id = any(?) and caller_number is not null
                    group by caller_number having count(*) > 1) d""", ids);
    }

    /** Percentiles of {@code received_at - at} over the events of {@code ids}, in ms: p50, p99, max. */
    double[] latencyMillis(Collection<UUID> ids) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms),
                       max(ms)
                from (select extract(epoch from received_at - at) * 1000 as ms from call_events
                      where call_id = any(?)) l""")) {
            ps.setArray(1, uuids(ids));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
            }
        }
    }

    /**
     * p99 of the two halves of the latency, in ms, split where the event entered Redis (the
     * millisecond part of its stream entry id, taken from the same machine's clock): AMI write →
     * Redis (the bridge) and Redis → insert (the intake).
     */
    double[] latencySplitP99(Collection<UUID> ids) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                select percentile_cont(0.99) within group (order by xadd_ms - at_ms),
                       percentile_cont(0.99) within group (order by received_ms - xadd_ms)
                from (select split_part(stream_id, '-', 1)::bigint as xadd_ms, extract(epoch from at) * 1000 as at_ms,
                             extract(epoch from received_at) * 1000 as received_ms
                      from call_events where call_id = any(?) and stream_id is not null) l""")) {
            ps.setArray(1, uuids(ids));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }

    private int count(String sql, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, uuids(ids));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Array uuids(Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Drops the database. Idempotent. */
    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        admin("drop database if exists " + name + " with (force)");
    }
}
