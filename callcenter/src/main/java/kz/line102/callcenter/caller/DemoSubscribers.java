package kz.line102.callcenter.caller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import kz.line102.callcenter.caller.bulk.ImportReport;
import kz.line102.callcenter.caller.bulk.SubscriberImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A small made-up subscriber registry (source {@code demo}; the bundled replay's callers
 * among them), loaded through the same importer as an administrator's upload, so the
 * operator's caller card shows a name and an address. Loaded once: when any demo row is
 * there, nothing is loaded again (an administrator's later edits stay). Both the profile
 * and the key must be on.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "line102.callcenter.demo-data", havingValue = "true")
class DemoSubscribers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSubscribers.class);
    static final String FILE = "/kz/line102/callcenter/caller/demo-subscribers.csv";
    static final String SOURCE = "demo";

    private final SubscriberImporter importer;
    private final JdbcTemplate jdbc;

    DemoSubscribers(SubscriberImporter importer, JdbcTemplate jdbc) {
        this.importer = importer;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    /** @return the rows loaded, 0 when the demo registry was there already */
    long seed() {
        Boolean there = jdbc.queryForObject("select exists (select 1 from subscribers where source = ?)",
                Boolean.class, SOURCE);
        if (Boolean.TRUE.equals(there)) {
            return 0;
        }
        try (InputStream csv = DemoSubscribers.class.getResourceAsStream(FILE)) {
            if (csv == null) {
                throw new IllegalStateException("the demo registry " + FILE + " is missing from the build");
            }
            ImportReport report = importer.load(csv, SOURCE);
            log.warn("DEMO subscriber registry loaded: {} made-up subscribers ({} rejected)", report.accepted(),
                    report.rejected());
            return report.accepted();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
