package kz.line102.callcenter.operator;

import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's desks ws-01..ws-06 on extensions 1001..1006 (the phones the bundled replay
 * rings), so an operator can sign in at a desk on first start. A desk that exists, or whose
 * extension an administrator already gave to another desk, is left alone: running again
 * adds nothing. Both the profile and the key must be on.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "line102.callcenter.demo-data", havingValue = "true")
class DemoWorkstations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkstations.class);
    static final int DESKS = 6;

    private final WorkstationService workstations;

    DemoWorkstations(WorkstationService workstations) {
        this.workstations = workstations;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    int seed() {
        int created = 0;
        for (int i = 1; i <= DESKS; i++) {
            String name = String.format("ws-%02d", i);
            String extension = String.valueOf(1000 + i);
            boolean taken = workstations.all().stream()
                    .anyMatch(w -> w.name().equals(name) || w.extension().equals(extension));
            if (taken) {
                continue;
            }
            try {
                workstations.create(name, extension, null);
                created++;
            } catch (ProblemException e) {
                // Another node seeding at the same moment: its desk is as good as ours.
                log.info("DEMO workstation {} not created: {}", name, e.getMessage());
            }
        }
        if (created > 0) {
            log.warn("DEMO workstations created: {} (ws-01..ws-{} on extensions 1001..{})", created,
                    String.format("%02d", DESKS), 1000 + DESKS);
        }
        return created;
    }
}
