package kz.line102.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's units come with their crews and routes, once; seeding again adds nothing. */
@CallcenterTest
class DemoUnitsTest {

    @Autowired
    DutySheetService sheet;

    @Test
    void theDemoUnitsAreRegisteredWithTheirCrewsOnce() {
        DemoUnits demo = new DemoUnits(sheet);
        demo.seed();
        for (DemoUnits.Seed s : DemoUnits.UNITS) {
            Unit unit = sheet.sheet(false).stream().filter(u -> u.callSign().equals(s.callSign())).findFirst()
                    .orElseThrow();
            assertThat(unit.kind()).isEqualTo(s.kind());
            assertThat(unit.crew()).isNotEmpty();
        }
        Unit berkut = sheet.sheet(false).stream().filter(u -> u.callSign().equals("Беркут-11")).findFirst()
                .orElseThrow();
        assertThat(berkut.crew()).containsExactlyElementsOf(DemoUnits.UNITS.get(0).crew());
        assertThat(berkut.patrolRoute()).isEqualTo(DemoUnits.UNITS.get(0).route());
        assertThat(demo.seed()).isZero();
    }
}
