package kz.line102.callcenter.caller;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads of the subscribers table (bulk writes are the importer's). */
@Repository
public class JdbcSubscriberRepository {

    private final JdbcTemplate jdbc;

    public JdbcSubscriberRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Subscriber> find(String e164) {
        return jdbc.query("select * from subscribers where number_e164 = ?", ROW, e164).stream().findFirst();
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from subscribers", Long.class);
        return n == null ? 0 : n;
    }

    private static final RowMapper<Subscriber> ROW = (rs, n) -> new Subscriber(rs.getString("number_e164"),
            rs.getString("holder_name"), rs.getString("address"), (Double) rs.getObject("lat"),
            (Double) rs.getObject("lon"), rs.getString("source"), rs.getTimestamp("updated_at").toInstant());
}
