package kz.line102.callcenter.pbxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.line102.callcenter.call.IntakeTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The Asterisk samples in conf/asterisk/ write exactly the tables and columns V70 creates,
 * in UTC, as the role V70 allows; and those columns are the ones a real Asterisk 22 wrote
 * (the faults captures' CSV headers).
 */
class PbxLogSamplesTest extends IntakeTestSupport {

    static final Path CONF = Path.of("..", "conf", "asterisk");

    @Test
    void celGoesToTheMigrationsTableInUtcWithUserEventsNamed() throws IOException {
        Map<String, String> cel = ini("cel_pgsql.conf").get("global");
        assertThat(cel).containsEntry("schema", "asterisk").containsEntry("table", "asterisk.cel")
                .containsEntry("usegmtime", "yes").containsEntry("show_user_defined", "yes")
                .containsEntry("user", "line102_pbx");
        Map<String, String> general = ini("cel.conf").get("general");
        assertThat(general).containsEntry("enable", "yes").containsEntry("events", "ALL");
        assertThat(Set.of(general.get("apps").split("\\s*,\\s*"))).contains("mixmonitor", "queue");
        assertSampleNamesTheColumns("cel_pgsql.conf", "cel");
    }

    @Test
    void cdrGoesToTheMigrationsTableInUtcAndUtf8() throws IOException {
        Map<String, String> cdr = ini("cdr_pgsql.conf").get("global");
        assertThat(cdr).containsEntry("table", "asterisk.cdr").containsEntry("timezone", "UTC")
                .containsEntry("encoding", "UTF8").containsEntry("user", "line102_pbx");
        assertSampleNamesTheColumns("cdr_pgsql.conf", "cdr");
    }

    @Test
    void theQueueLogGoesToTheMigrationsTableThroughRealtimeInUtc() throws IOException {
        assertThat(ini("extconfig.conf").get("settings"))
                .containsEntry("queue_log =>", "pgsql,general,asterisk.queue_log");
        assertThat(ini("res_pgsql.conf").get("general")).containsEntry("requirements", "warn")
                .containsEntry("user", "line102_pbx");
        assertThat(ini("logger.conf").get("general")).containsEntry("queue_log", "yes")
                .containsEntry("queue_log_realtime_use_gmt", "yes");
        assertSampleNamesTheColumns("extconfig.conf", "queue_log");
    }

    @Test
    void thePbxRoleMayOnlyAddRowsToItsOwnTables() {
        for (String table : PbxLogFixtures.TABLES) {
            assertThat(privilege("asterisk." + table, "INSERT")).as(table).isTrue();
            assertThat(privilege("asterisk." + table, "SELECT")).as(table).isFalse();
            assertThat(privilege("asterisk." + table, "UPDATE")).as(table).isFalse();
            assertThat(privilege("asterisk." + table, "DELETE")).as(table).isFalse();
        }
        assertThat(privilege("public.calls", "SELECT")).isFalse();
        assertThat(privilege("public.calls", "INSERT")).isFalse();
    }

    boolean privilege(String table, String what) {
        return jdbc.queryForObject("select has_table_privilege('line102_pbx', ?, ?)", Boolean.class, table, what);
    }

    /** The sample lists the table's columns, which are those of the migration and those Asterisk wrote. */
    void assertSampleNamesTheColumns(String sample, String table) throws IOException {
        List<String> migrated = jdbc.queryForList("select column_name from information_schema.columns "
                + "where table_schema = 'asterisk' and table_name = ? order by ordinal_position", String.class, table);
        String header = Files.readAllLines(PbxLogFixtures.FAULTS.resolve("ami-gap").resolve(table + ".csv")).get(0);
        assertThat(migrated).as("what Asterisk 22 wrote").containsExactly(header.split(","));
        String text = Files.readString(CONF.resolve(sample));
        for (String column : migrated) {
            assertThat(text).as(sample + " names " + column).containsPattern("\\b" + column + "\\b");
        }
    }

    static Map<String, Map<String, String>> ini(String file) throws IOException {
        Map<String, Map<String, String>> sections = new HashMap<>();
        Map<String, String> current = null;
        for (String raw : Files.readAllLines(CONF.resolve(file))) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = sections.computeIfAbsent(line.substring(1, line.indexOf(']')), k -> new HashMap<>());
            } else if (current != null) {
                boolean arrow = line.contains("=>");
                int eq = arrow ? line.indexOf("=>") : line.indexOf('=');
                current.put(line.substring(0, eq).strip() + (arrow ? " =>" : ""),
                        line.substring(eq + (arrow ? 2 : 1)).strip());
            }
        }
        return sections;
    }
}
