package kz.line102.callcenter.pbxlog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the tables Asterisk writes (V70, schema {@code asterisk} by default). Their
 * times are {@code timestamp without time zone} holding UTC, so they are read and
 * compared as UTC local date-times, never through the session's time zone.
 */
class JdbcPbxLogReader {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;
    private final String schema;

    JdbcPbxLogReader(JdbcTemplate jdbc, String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("line102.callcenter.pbxlog.schema must be a plain lower-case name, not '"
                    + schema + "'");
        }
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** Every call with a CEL or queue_log row at or after {@code from}, with all its rows. */
    List<LogRows> callsSince(Instant from) {
        return callsBetween(from, Instant.parse("9999-12-31T00:00:00Z"));
    }

    /** Every call with a CEL or queue_log row in [{@code from}, {@code to}), with all its rows. */
    List<LogRows> callsBetween(Instant from, Instant to) {
        List<String> linked = jdbc.queryForList("select linkedid from " + schema + ".cel where eventtime >= ? "
                + "and eventtime < ? and linkedid is not null group by linkedid", String.class, utc(from), utc(to));
        List<String> queued = jdbc.queryForList("select callid from " + schema + ".queue_log where \"time\" >= ? "
                + "and \"time\" < ? and callid not in ('NONE', 'MANAGER') group by callid", String.class, utc(from),
                utc(to));
        LinkedHashMap<String, Boolean> ids = new LinkedHashMap<>();
        linked.forEach(id -> ids.put(id, true));
        queued.forEach(id -> ids.put(id, true));
        return calls(ids.keySet());
    }

    /** The calls whose caller channel started between {@code from} and {@code to}. */
    List<String> callsStartedBetween(Instant from, Instant to) {
        return jdbc.queryForList("select linkedid from " + schema + ".cel where eventtype = 'CHAN_START' "
                + "and uniqueid = linkedid and eventtime between ? and ?", String.class, utc(from), utc(to));
    }

    /** All rows of these calls, grouped by call. */
    List<LogRows> calls(Collection<String> linkedIds) {
        if (linkedIds.isEmpty()) {
            return List.of();
        }
        Map<String, List<LogRows.Cel>> cel = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select id, eventtype, eventtime, cid_name, cid_num, exten, context, "
                    + "channame, appname, appdata, uniqueid, linkedid, extra from " + schema + ".cel "
                    + "where linkedid = any(?) order by id");
            ps.setArray(1, texts(con, linkedIds));
            return ps;
        }, rs -> {
            LogRows.Cel c = new LogRows.Cel(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
            cel.computeIfAbsent(c.linkedId(), k -> new ArrayList<>()).add(c);
        });
        Map<String, List<LogRows.QueueLog>> queue = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select id, \"time\", callid, queuename, agent, event, data1, data2, data3, "
                    + "data4, data5 from " + schema + ".queue_log where callid = any(?) order by id");
            ps.setArray(1, texts(con, linkedIds));
            return ps;
        }, rs -> {
            LogRows.QueueLog q = new LogRows.QueueLog(rs.getLong(1), instant(rs, 2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), java.util.Arrays.asList(rs.getString(7),
                    rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)));
            queue.computeIfAbsent(q.callId(), k -> new ArrayList<>()).add(q);
        });
        Map<String, LogRows.Cdr> cdr = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select linkedid, \"start\", answer, \"end\", src, channel, dstchannel, "
                    + "lastapp, dcontext, dst, calldate, duration from " + schema + ".cdr where linkedid = any(?) "
                    + "and uniqueid = linkedid order by id");
            ps.setArray(1, texts(con, linkedIds));
            return ps;
        }, rs -> {
            // start/answer/end are optional columns; calldate and duration are always there.
            Instant start = instant(rs, 2) != null ? instant(rs, 2) : instant(rs, 11);
            Instant end = instant(rs, 4) != null ? instant(rs, 4) : start.plusSeconds(rs.getInt(12));
            cdr.putIfAbsent(rs.getString(1), new LogRows.Cdr(start, instant(rs, 3), end, rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
        });
        List<LogRows> calls = new ArrayList<>(linkedIds.size());
        for (String id : linkedIds) {
            calls.add(new LogRows(id, cel.getOrDefault(id, List.of()), queue.getOrDefault(id, List.of()),
                    cdr.get(id)));
        }
        return calls;
    }

    /** When app_queue started (QUEUESTART: every Asterisk start, restarts included) since {@code from}. */
    List<Instant> pbxStartsSince(Instant from) {
        return jdbc.query("select \"time\" from " + schema + ".queue_log where event = 'QUEUESTART' and \"time\" >= ? "
                + "order by \"time\"", (rs, n) -> instant(rs, 1), utc(from));
    }

    /** Until when this PBX's logs were read by a finished pass, or null. */
    Instant mark(String pbx) {
        return jdbc.query("select read_until from pbx_log_marks where pbx = ?",
                rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null, pbx);
    }

    void mark(String pbx, Instant readUntil) {
        jdbc.update("""
                insert into pbx_log_marks (pbx, read_until) values (?, ?)
                on conflict (pbx) do update set read_until = greatest(pbx_log_marks.read_until, excluded.read_until),
                    updated_at = clock_timestamp()""", pbx, java.sql.Timestamp.from(readUntil));
    }

    private static Array texts(java.sql.Connection con, Collection<String> values) throws SQLException {
        return con.createArrayOf("text", values.toArray());
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
