package kz.line102.callcenter.pbxlog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads a faults capture's {@code cel.csv}, {@code queue_log.csv} and {@code cdr.csv} (the
 * rows a real Asterisk 22.10.1 inserted, exported with psql's \copy) into the tables of V70
 * with COPY, as they were: eventtime fractions of 1–6 digits, "" for empty values.
 */
final class PbxLogFixtures {

    static final Path FAULTS = Path.of(System.getProperty("line102.fixtures", "../../shared/fixtures/asterisk/22.10.1"),
            "faults");
    static final List<String> TABLES = List.of("cel", "queue_log", "cdr");

    private final JdbcTemplate jdbc;

    PbxLogFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties the PBX's tables (only tests of this package write them). */
    void clear() {
        jdbc.execute("truncate asterisk.cel, asterisk.queue_log, asterisk.cdr");
    }

    void load(String scenario) {
        load(scenario, id -> true);
    }

    /** Only the rows whose id passes {@code rows}, in each of the three tables. */
    void load(String scenario, LongPredicate rows) {
        for (String table : TABLES) {
            copy(scenario, table, rows);
        }
    }

    void copy(String scenario, String table, LongPredicate rows) {
        List<String> lines;
        try {
            lines = Files.readAllLines(FAULTS.resolve(scenario).resolve(table + ".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String header = lines.get(0);
        String body = lines.stream().skip(1).filter(l -> rows.test(Long.parseLong(l.substring(0, l.indexOf(',')))))
                .collect(Collectors.joining("\n"));
        String columns = List.of(header.split(",")).stream().map(c -> "\"" + c + "\"")
                .collect(Collectors.joining(", "));
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy asterisk." + table + " (" + columns
                        + ") from stdin with (format csv)", new StringReader(body.isEmpty() ? "" : body + "\n"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
