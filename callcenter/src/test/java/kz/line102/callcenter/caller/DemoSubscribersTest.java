package kz.line102.callcenter.caller;

import static org.assertj.core.api.Assertions.assertThat;

import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.caller.bulk.SubscriberImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo's made-up registry: every row valid, the replay's callers among them, loaded once. */
@CallcenterTest
class DemoSubscribersTest {

    @Autowired
    SubscriberImporter importer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SubscriberCache cache;

    @BeforeEach
    @AfterEach
    void noDemoRows() {
        // Other tests route and identify the replay's callers as unknown numbers.
        jdbc.update("delete from subscribers where source = 'demo'");
        cache.registryChanged();
    }

    @Test
    void theDemoRegistryLoadsWhollyOnceWithTheReplaysCallers() {
        DemoSubscribers demo = new DemoSubscribers(importer, jdbc);
        assertThat(demo.seed()).isEqualTo(20);
        assertThat(jdbc.queryForObject("select count(*) from subscribers where source = 'demo'", Integer.class))
                .isEqualTo(20);
        assertThat(jdbc.queryForObject("select holder_name from subscribers where number_e164 = '+77012345678'",
                String.class)).isEqualTo("Сейтқали Ерлан Бақытұлы");
        assertThat(jdbc.queryForObject("select address from subscribers where number_e164 = '+77172123456'",
                String.class)).startsWith("Астана");
        assertThat(demo.seed()).isZero();
    }
}
