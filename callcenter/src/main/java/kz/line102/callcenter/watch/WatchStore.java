package kz.line102.callcenter.watch;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The watch module's tables; every one but the number counters only grows. */
@Repository
class WatchStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    WatchStore(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    record Item(long id, String kind, String title, String serialNumber, int quantity, String addedBy,
                Instant addedAt, String result, String note, String checkedBy, Instant checkedAt) {
    }

    record Signoff(String side, String signedBy, Instant signedAt) {
    }

    /**
     * {@code deadline}: when an entry about a crime must be reported to the chief by; {@code reportedAt}
     * the first correction naming whom it was reported to; {@code overdue} past the deadline unreported;
     * {@code cancellation} set once an orientation is taken off the active list.
     */
    record Entry(long id, String kind, int year, int number, Instant watch, String author, Instant at, String text,
                 Long corrects, Integer correctsNumber, Long itemId, Map<String, String> fields,
                 List<Integer> correctedBy, Instant deadline, Instant reportedAt, boolean overdue,
                 Cancellation cancellation, List<String> incidents, List<AttachmentRef> attachments) {
    }

    /** An attached file as a list of entries shows it; its bytes are served apart. */
    record AttachmentRef(long id, String name, long size, String sha256) {
    }

    record Cancellation(String reason, String reportedBy, String cancelledBy, Instant cancelledAt, long recordId) {
    }

    /** The watch's row, made on first use; two nodes making it at once get the same one. */
    long ensure(WatchCalendar.Watch w) {
        jdbc.update("insert into watches (starts_at, ends_at, shift_no) values (?, ?, ?) on conflict (starts_at) do nothing",
                Timestamp.from(w.start()), Timestamp.from(w.end()), w.shift());
        return jdbc.queryForObject("select id from watches where starts_at = ?", Long.class, Timestamp.from(w.start()));
    }

    /**
     * Locks the watch's row: a writer of an entry holds it shared, a signature exclusively, so
     * no entry lands in a watch whose hand-over commits at the same moment.
     */
    void lock(long watchId, boolean exclusive) {
        jdbc.queryForObject("select id from watches where id = ? for " + (exclusive ? "update" : "share"),
                Long.class, watchId);
    }

    Instant start(long watchId) {
        return jdbc.queryForObject("select starts_at from watches where id = ?", Timestamp.class, watchId).toInstant();
    }

    List<Signoff> signoffs(long watchId) {
        return jdbc.query("select side, signed_by, signed_at from watch_handover_signoffs where watch_id = ? order by signed_at",
                (rs, i) -> new Signoff(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), watchId);
    }

    void sign(long watchId, String side, String by) {
        jdbc.update("insert into watch_handover_signoffs (watch_id, side, signed_by) values (?, ?, ?)", watchId, side, by);
    }

    private static final String ITEMS = """
            select i.*, c.result, c.note, c.checked_by, c.checked_at from watch_handover_items i
            left join lateral (select * from watch_handover_checks c where c.item_id = i.id order by c.id desc limit 1) c
                on true
            """;

    private static final RowMapper<Item> ITEM = (rs, i) -> new Item(rs.getLong("id"), rs.getString("kind"),
            rs.getString("title"), rs.getString("serial_number"), rs.getInt("quantity"), rs.getString("added_by"),
            rs.getTimestamp("added_at").toInstant(), rs.getString("result"), rs.getString("note"),
            rs.getString("checked_by"), instant(rs, "checked_at"));

    List<Item> items(long watchId) {
        return jdbc.query(ITEMS + " where i.watch_id = ? order by i.id", ITEM, watchId);
    }

    /** The item and the id of its watch, or null. */
    Map.Entry<Long, Item> item(long id) {
        List<Map.Entry<Long, Item>> found = jdbc.query(ITEMS + " where i.id = ?",
                (rs, i) -> Map.entry(rs.getLong("watch_id"), ITEM.mapRow(rs, i)), id);
        return found.isEmpty() ? null : found.get(0);
    }

    long addItem(long watchId, String kind, String title, String serial, int quantity, String by) {
        return jdbc.queryForObject("""
                insert into watch_handover_items (watch_id, kind, title, serial_number, quantity, added_by)
                values (?, ?, ?, ?, ?, ?) returning id""", Long.class, watchId, kind, title, serial, quantity, by);
    }

    void check(long itemId, String result, String note, String by) {
        jdbc.update("insert into watch_handover_checks (item_id, result, note, checked_by) values (?, ?, ?, ?)",
                itemId, result, note, by);
    }

    /** The next number of the kind and year, taken in the caller's transaction: a rollback leaves no gap. */
    int nextNumber(String kind, int year) {
        return jdbc.queryForObject("""
                insert into watch_journal_counters (kind, year, last_number) values (?, ?, 1)
                on conflict (kind, year) do update set last_number = watch_journal_counters.last_number + 1
                returning last_number""", Integer.class, kind, year);
    }

    /** {@code reportWithin}: the entry's deadline counted from its own time, or null for none. */
    long insertEntry(String kind, int year, int number, long watchId, String author, String text, Long corrects,
                     Long itemId, Map<String, String> fields, Duration reportWithin) {
        return jdbc.queryForObject("""
                with t as (select clock_timestamp() at)
                insert into watch_entries (kind, year, number, watch_id, author, text, corrects, item_id, fields, at, deadline_at)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, t.at, t.at + ?::bigint * interval '1 millisecond' from t
                returning id""", Long.class, kind, year, number, watchId,
                author, text, corrects, itemId, json.writeValueAsString(fields),
                reportWithin == null ? null : reportWithin.toMillis());
    }

    /** The orientations registered before {@code asOf} and not cancelled by then, oldest first. */
    List<Entry> activeOrientations(String kind, Instant asOf, int limit) {
        return jdbc.query(ENTRIES + """
                 where e.kind = ? and e.corrects is null and e.at < ?
                   and (oc.cancelled_at is null or oc.cancelled_at >= ?)
                 order by e.at, e.id limit ?""", this::mapEntry, kind, Timestamp.from(asOf), Timestamp.from(asOf), limit);
    }

    /** Holds the entry's row until the transaction ends (rows are never updated; this only serialises writers). */
    void lockEntry(long id) {
        jdbc.query("select id from watch_entries where id = ? for update", (rs, i) -> rs.getLong(1), id);
    }

    void cancel(long entryId, long recordId, String reason, String reportedBy, String by) {
        jdbc.update("""
                insert into watch_orientation_cancellations (entry_id, record_id, reason, reported_by, cancelled_by)
                values (?, ?, ?, ?, ?)""", entryId, recordId, reason, reportedBy, by);
    }

    /** Entries past their deadline at {@code now}, not reported and not yet flagged; the oldest deadline first. */
    List<Entry> overdueUnflagged(Instant now, int limit) {
        return jdbc.query(ENTRIES + """
                 where e.deadline_at is not null and e.deadline_at < ?
                   and not exists (select 1 from watch_entry_overdue f where f.entry_id = e.id)
                   and not exists (select 1 from watch_entries r where r.corrects = e.id and r.fields->>'reportedTo' is not null)
                 order by e.deadline_at, e.id limit ?""", this::mapEntry, Timestamp.from(now), limit);
    }

    /** Flags the entry overdue; false if another pass (or node) has flagged it already. */
    boolean flagOverdue(long entryId, Instant deadline) {
        return jdbc.update("insert into watch_entry_overdue (entry_id, deadline_at) values (?, ?) on conflict do nothing",
                entryId, Timestamp.from(deadline)) == 1;
    }

    private static final String ENTRIES = """
            select e.*, w.starts_at watch_start, o.number corrects_number,
                   (select array_agg(c.number order by c.id) from watch_entries c where c.corrects = e.id) corrected_by,
                   (select min(r.at) from watch_entries r where r.corrects = e.id and r.fields->>'reportedTo' is not null)
                       reported_at,
                   oc.reason cancel_reason, oc.reported_by cancel_reported_by, oc.cancelled_by, oc.cancelled_at,
                   oc.record_id cancel_record_id,
                   (select array_agg(l.kui_number order by l.id) from watch_entry_incidents l where l.entry_id = e.id) kuis,
                   (select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'size', a.size, 'sha256', a.sha256)
                           order by a.id) from watch_attachments a where a.entry_id = e.id) attachments
            from watch_entries e join watches w on w.id = e.watch_id left join watch_entries o on o.id = e.corrects
            left join watch_orientation_cancellations oc on oc.entry_id = e.id
            """;

    Entry entry(long id) {
        List<Entry> found = jdbc.query(ENTRIES + " where e.id = ?", this::mapEntry, id);
        return found.isEmpty() ? null : found.get(0);
    }

    /** A page of one kind's entries (of every kind when {@code kind} is null), newest first; every filter may be null. */
    List<Entry> search(String kind, Instant from, Instant to, String text, Integer number, Integer year, Long itemId,
                       int limit, int offset) {
        StringBuilder sql = new StringBuilder(ENTRIES).append(kind == null ? " where true" : " where e.kind = ?");
        List<Object> args = new ArrayList<>(kind == null ? List.of() : List.of(kind));
        if (from != null) {
            sql.append(" and e.at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and e.at < ?");
            args.add(Timestamp.from(to));
        }
        if (text != null) {
            // Searched in the text and the register's fields alike; % and _ typed are meant literally.
            sql.append(" and (e.text ilike ? escape '\\' or e.fields::text ilike ? escape '\\')");
            String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
        }
        if (number != null) {
            sql.append(" and e.number = ?");
            args.add(number);
        }
        if (year != null) {
            sql.append(" and e.year = ?");
            args.add(year);
        }
        if (itemId != null) {
            sql.append(" and e.item_id = ?");
            args.add(itemId);
        }
        sql.append(" order by e.at desc, e.id desc limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), this::mapEntry, args.toArray());
    }

    private Entry mapEntry(ResultSet rs, int i) throws SQLException {
        Array by = rs.getArray("corrected_by");
        List<Integer> correctedBy = new ArrayList<>();
        if (by != null) {
            for (Object n : (Object[]) by.getArray()) {
                correctedBy.add(((Number) n).intValue());
            }
        }
        Map<String, String> fields = json.readValue(rs.getString("fields"), new TypeReference<LinkedHashMap<String, String>>() {
        });
        Instant deadline = instant(rs, "deadline_at");
        Instant reported = instant(rs, "reported_at");
        return new Entry(rs.getLong("id"), rs.getString("kind"), rs.getInt("year"), rs.getInt("number"),
                rs.getTimestamp("watch_start").toInstant(), rs.getString("author"), rs.getTimestamp("at").toInstant(),
                rs.getString("text"), (Long) rs.getObject("corrects"), (Integer) rs.getObject("corrects_number"),
                (Long) rs.getObject("item_id"), fields, correctedBy, deadline, reported,
                deadline != null && reported == null && deadline.isBefore(clock.instant()),
                rs.getTimestamp("cancelled_at") == null ? null : new Cancellation(rs.getString("cancel_reason"),
                        rs.getString("cancel_reported_by"), rs.getString("cancelled_by"),
                        rs.getTimestamp("cancelled_at").toInstant(), rs.getLong("cancel_record_id")),
                kuis(rs.getArray("kuis")), rs.getString("attachments") == null ? List.of()
                        : json.readValue(rs.getString("attachments"), new TypeReference<List<AttachmentRef>>() {
                        }));
    }

    private static List<String> kuis(Array a) throws SQLException {
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (Object k : (Object[]) a.getArray()) {
                out.add((String) k);
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
