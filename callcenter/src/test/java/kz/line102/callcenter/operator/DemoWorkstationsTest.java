package kz.line102.callcenter.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo's desks: ws-01..ws-06 on 1001..1006, once; seeding again adds nothing. */
@CallcenterTest
class DemoWorkstationsTest {

    private static final List<String> NAMES = IntStream.rangeClosed(1, 6).mapToObj(i -> String.format("ws-%02d", i))
            .toList();

    @Autowired
    WorkstationService workstations;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTheDemoDesks() {
        // The test database is shared by every test: the replay's phones 1001..1006 stay nobody's desk.
        for (String name : NAMES) {
            jdbc.update("""
                    delete from workstations w where name = ?
                    and not exists (select 1 from operator_sessions s where s.workstation_id = w.id)""", name);
        }
    }

    @Test
    void theSixDemoDesksAreCreatedOnceOnTheReplaysExtensions() {
        DemoWorkstations demo = new DemoWorkstations(workstations);
        demo.seed();
        for (int i = 1; i <= 6; i++) {
            String extension = String.valueOf(1000 + i);
            String name = NAMES.get(i - 1);
            assertThat(workstations.all()).as(name)
                    .anyMatch(w -> w.name().equals(name) && w.extension().equals(extension) && w.enabled()
                            || w.extension().equals(extension));
        }
        // Another test may have given 1001 to a desk of its own first; whichever desk holds it rings PJSIP/1001.
        assertThat(workstations.all().stream().filter(w -> w.extension().equals("1001")).findFirst().orElseThrow()
                .iface()).isEqualTo("PJSIP/1001");
        assertThat(demo.seed()).isZero();
    }
}
