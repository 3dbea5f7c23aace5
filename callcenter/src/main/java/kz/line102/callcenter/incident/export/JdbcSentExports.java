package kz.line102.callcenter.incident.export;

import java.util.UUID;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The export route's idempotent repository over {@code incident_exports_sent}: a key is
 * there once its registry has taken that card version. Used non-eagerly, so only a
 * delivery that succeeded is recorded; a failed one is tried again. Keys are
 * {@code <target>|<card id>|<version>} ({@link #key}).
 */
@Repository
class JdbcSentExports extends ServiceSupport implements IdempotentRepository {

    private static final Logger log = LoggerFactory.getLogger(JdbcSentExports.class);

    private final JdbcTemplate jdbc;

    JdbcSentExports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String key(String target, UUID incidentId, int version) {
        return target + "|" + incidentId + "|" + version;
    }

    @Override
    public boolean add(String key) {
        String[] parts = key.split("\\|", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an export key: " + key);
        }
        return jdbc.update("""
                insert into incident_exports_sent (idempotency_key, incident_id, target, version)
                values (?, ?, ?, ?) on conflict do nothing""", key, UUID.fromString(parts[1]), parts[0],
                Integer.parseInt(parts[2])) > 0;
    }

    @Override
    public boolean contains(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from incident_exports_sent where idempotency_key = ?)", Boolean.class, key));
    }

    /** Never forgets a delivery: a registry that has a version keeps it. */
    @Override
    public boolean remove(String key) {
        return false;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    /**
     * Refused (a slip through Camel's management): clearing would send every card again to
     * every registry.
     */
    @Override
    public void clear() {
        log.error("refused to clear the record of delivered exports: every card would go to every registry again");
        throw new IllegalStateException("the record of delivered exports is never cleared");
    }
}
