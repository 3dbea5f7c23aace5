package kz.line102.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The call centre's borders: every direct sub-package of {@code kz.line102.callcenter} is a
 * module whose top-level package is its API and whose sub-packages are its own; no cycles;
 * a table is written only by the module that owns it; docs/architecture.md draws the modules
 * and the owners as they are.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CallcenterApplication.class);
    private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");
    private static final Path MIGRATIONS = Path.of("../sql/src/main/resources/db/migration");
    private static final Path MAIN = Path.of("src/main/java/kz/line102/callcenter");

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
    void everyTableHasOneOwnerAndOnlyItsOwnerWritesIt() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^- `(\\w+)`: (.+)$").matcher(Files.readString(ARCHITECTURE));
        while (line.find()) {
            String module = line.group(1);
            Pattern.compile("`(\\w+)`").matcher(line.group(2)).results().forEach(t -> assertThat(
                    owner.put(t.group(1), module)).as("table %s listed twice", t.group(1)).isNull());
        }
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)create table (?:if not exists )?(?:\\w+\\.)?(\\w+)");
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            files.filter(p -> p.toString().endsWith(".sql"))
                    .forEach(p -> create.matcher(read(p)).results().forEach(m -> tables.add(m.group(1))));
        }
        assertThat(owner.keySet()).as("the owners in docs/architecture.md").isEqualTo(tables);

        Pattern write = Pattern.compile("(?i)\\b(?:insert into|update|delete from)\\s+(?:asterisk\\.)?(\\w+)");
        Set<String> foreign = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                String module = MAIN.relativize(p).getName(0).toString();
                write.matcher(read(p)).results().map(m -> m.group(1)).filter(owner::containsKey)
                        .filter(t -> !owner.get(t).equals(module))
                        .forEach(t -> foreign.add(p.getFileName() + " (" + module + ") writes " + t + " of "
                                + owner.get(t)));
            });
        }
        assertThat(foreign).isEmpty();
    }

    @Test
    void writesTheModuleCanvasesAndDiagrams() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
        assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String dependencies(ApplicationModule module) {
        return module.getDirectDependencies(MODULES).uniqueModules().map(d -> d.getIdentifier().toString())
                .sorted().collect(Collectors.joining(", "));
    }
}
