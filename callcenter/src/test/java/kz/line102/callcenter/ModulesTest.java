package kz.line102.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The call centre's borders: every direct sub-package of {@code kz.line102.callcenter} is a
 * module whose top-level package is its API and whose sub-packages are its own; no cycles;
 * docs/architecture.md draws the modules as they are.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CallcenterApplication.class);
    private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");

    @Test
    void modulesUseEachOtherOnlyThroughTheirApiAndWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void theArchitectureDocumentListsEveryModuleWithItsDependencies() throws IOException {
        Map<String, String> actual = new TreeMap<>();
        MODULES.forEach(m -> actual.put(m.getIdentifier().toString(), dependencies(m)));
        Map<String, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\| ([^|]*) \\|").matcher(Files.readString(ARCHITECTURE));
        while (row.find()) {
            documented.put(row.group(1), String.join(", ", new TreeSet<>(
                    Pattern.compile("`(\\w+)`").matcher(row.group(2)).results().map(r -> r.group(1)).toList())));
        }
        assertThat(documented).as("the module table of docs/architecture.md").isEqualTo(actual);
    }

    @Test
    void writesTheModuleCanvasesAndDiagrams() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
        assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
    }

    private static String dependencies(ApplicationModule module) {
        return module.getDirectDependencies(MODULES).uniqueModules().map(d -> d.getIdentifier().toString())
                .sorted().collect(Collectors.joining(", "));
    }
}
