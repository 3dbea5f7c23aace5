package kz.line102.callcenter.dispatch;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's units with made-up crews and routes, so the duty officer has someone to send.
 * A call sign already on the sheet is left alone: running again adds nothing. Both the
 * profile and the key must be on.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "line102.callcenter.demo-data", havingValue = "true")
class DemoUnits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUnits.class);

    record Seed(String callSign, UnitKind kind, List<String> crew, String route) {
    }

    static final List<Seed> UNITS = List.of(
            new Seed("Беркут-11", UnitKind.PATROL, List.of("ст. сержант Ахметов Е. Б.", "сержант Ким Д. А."),
                    "Алмалинский район, квадраты 1–4"),
            new Seed("Беркут-12", UnitKind.PATROL, List.of("лейтенант Садыков Н. Т.", "сержант Ли В. С."),
                    "Бостандыкский район, квадраты 5–9"),
            new Seed("Беркут-21", UnitKind.PATROL, List.of("ст. сержант Омарова А. К.", "мл. сержант Жумабеков Р. М."),
                    "Медеуский район, квадраты 10–13"),
            new Seed("ДСОГ-1", UnitKind.DSOG, List.of("капитан Нурланов С. Е.", "ст. лейтенант Исаева Г. Б.",
                    "эксперт Бекова М. Ж."), null),
            new Seed("ЖПС-7", UnitKind.TRAFFIC, List.of("ст. лейтенант Тулегенов А. А."),
                    "пр. Аль-Фараби — ул. Розыбакиева"));

    private final DutySheetService sheet;

    DemoUnits(DutySheetService sheet) {
        this.sheet = sheet;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    int seed() {
        Set<String> there = sheet.sheet(false).stream().map(Unit::callSign).collect(Collectors.toSet());
        int created = 0;
        for (Seed s : UNITS) {
            if (there.contains(s.callSign())) {
                continue;
            }
            try {
                Unit unit = sheet.register(s.callSign(), s.kind().code(), "demo");
                sheet.assignCrew(unit.id(), s.crew(), s.route(), "demo");
                created++;
            } catch (ProblemException e) {
                // Another node seeding at the same moment registered it first.
                log.info("DEMO unit {} not registered: {}", s.callSign(), e.getMessage());
            }
        }
        if (created > 0) {
            log.warn("DEMO units registered with made-up crews: {}", created);
        }
        return created;
    }
}
