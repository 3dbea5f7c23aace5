package kz.line102.callcenter.watch;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The delivery route's idempotent repository over {@code watch_serious_report_deliveries}:
 * a key is there once the higher instance has taken the report. Used non-eagerly, so only a
 * delivery that succeeded is recorded. Keys are {@link SeriousReportService#idempotencyKey}.
 */
@Repository
class DeliveredReports extends ServiceSupport implements IdempotentRepository {

    private static final String PREFIX = "line102-serious-report-";
    private static final Logger log = LoggerFactory.getLogger(DeliveredReports.class);

    private final JdbcTemplate jdbc;

    DeliveredReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(String key) {
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a serious-event report key: " + key);
        }
        long report = Long.parseLong(key.substring(PREFIX.length()));
        return jdbc.update("""
                insert into watch_serious_report_deliveries (idempotency_key, report_id) values (?, ?)
                on conflict do nothing""", key, report) > 0;
    }

    @Override
    public boolean contains(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from watch_serious_report_deliveries where idempotency_key = ?)", Boolean.class,
                key));
    }

    /** Never forgets a delivery. */
    @Override
    public boolean remove(String key) {
        return false;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        log.error("refused to clear the record of delivered serious-event reports: every one would be sent again");
        throw new IllegalStateException("the record of delivered serious-event reports is never cleared");
    }
}
