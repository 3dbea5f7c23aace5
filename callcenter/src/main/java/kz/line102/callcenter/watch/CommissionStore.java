package kz.line102.callcenter.watch;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The commission's acts, their items and signatures; nothing is changed once written. */
@Repository
class CommissionStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    CommissionStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Head(long id, String outgoingChief, String incomingChief, List<String> members, String note, String drawnBy,
                Instant drawnAt) {
    }

    record Item(String kind, String title, String serialNumber, int quantity, String condition) {
    }

    record Signature(String signer, String capacity, Instant signedAt) {
    }

    long insert(String outgoing, String incoming, List<String> members, String note, String by) {
        return jdbc.queryForObject("""
                insert into watch_commission_acts (outgoing_chief, incoming_chief, members, note, drawn_by)
                values (?, ?, ?::jsonb, ?, ?) returning id""", Long.class, outgoing, incoming,
                json.writeValueAsString(members), note, by);
    }

    void insertItem(long act, Item i) {
        jdbc.update("""
                insert into watch_commission_items (act_id, kind, title, serial_number, quantity, condition)
                values (?, ?, ?, ?, ?, ?)""", act, i.kind(), i.title(), i.serialNumber(), i.quantity(), i.condition());
    }

    /** Locks the act's row so two signatures of one signer cannot both pass the check. */
    Head head(long id, boolean lock) {
        List<Head> found = jdbc.query("select * from watch_commission_acts where id = ?" + (lock ? " for update" : ""),
                (rs, i) -> new Head(rs.getLong("id"), rs.getString("outgoing_chief"), rs.getString("incoming_chief"),
                        json.readValue(rs.getString("members"), new TypeReference<List<String>>() {
                        }), rs.getString("note"), rs.getString("drawn_by"), rs.getTimestamp("drawn_at").toInstant()), id);
        return found.isEmpty() ? null : found.get(0);
    }

    List<Long> ids(int limit) {
        return jdbc.queryForList("select id from watch_commission_acts order by id desc limit ?", Long.class, limit);
    }

    List<Item> items(long act) {
        return jdbc.query("select * from watch_commission_items where act_id = ? order by id",
                (rs, i) -> new Item(rs.getString("kind"), rs.getString("title"), rs.getString("serial_number"),
                        rs.getInt("quantity"), rs.getString("condition")), act);
    }

    List<Signature> signatures(long act) {
        return jdbc.query("select signer, capacity, signed_at from watch_commission_signatures where act_id = ? order by signed_at",
                (rs, i) -> new Signature(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), act);
    }

    void sign(long act, String signer, String capacity) {
        jdbc.update("insert into watch_commission_signatures (act_id, signer, capacity) values (?, ?, ?)", act, signer, capacity);
    }

    /**
     * The chief of the centre: the incoming chief of the act whose last signature came last
     * (an act counts once every member and both chiefs have signed); null before any such act.
     */
    String currentChief() {
        List<String> found = jdbc.queryForList("""
                select a.incoming_chief from watch_commission_acts a
                join watch_commission_signatures s on s.act_id = a.id
                group by a.id, a.incoming_chief, a.members
                having count(*) = jsonb_array_length(a.members) + 2
                order by max(s.signed_at) desc, a.id desc limit 1""", String.class);
        return found.isEmpty() ? null : found.get(0);
    }
}
