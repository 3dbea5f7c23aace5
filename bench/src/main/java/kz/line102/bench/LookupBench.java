package kz.line102.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import kz.line102.callcenter.caller.SubscriberImportCommand;
import kz.line102.callcenter.caller.CallerCard;
import kz.line102.callcenter.caller.CallerCardService;
import kz.line102.callcenter.caller.SubscriberCache;
import kz.line102.callcenter.caller.bulk.ImportReport;
import kz.line102.callcenter.caller.bulk.SubscriberImporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench/run lookup}: loads a synthetic registry of {@code rows} subscribers
 * into an empty table with the production loader, adds a month of calls, then times
 * caller cards through {@link CallerCardService#cardFor} for numbers never looked up
 * (uncached subscriber part) and the same numbers again (cached). The call history
 * is read live in both. Prints one summary line last.
 */
public final class LookupBench {

    private LookupBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(System.getProperty("rows", "20000000"));
        int lookups = Integer.parseInt(System.getProperty("lookups", "20000"));
        Path csv = Path.of(System.getProperty("csv", "bench/target/subscribers-" + rows + ".csv"));
        if (!Files.exists(csv)) {
            long t0 = System.nanoTime();
            Files.createDirectories(csv.toAbsolutePath().getParent());
            SubscriberCsv.write(csv, rows);
            System.out.printf("generated %s (%d rows, %d MB) in %.1f s%n", csv, rows, Files.size(csv) >> 20,
                    (System.nanoTime() - t0) / 1e9);
        }
        try (ConfigurableApplicationContext ctx = SubscriberImportCommand.context(args)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            jdbc.execute("truncate subscribers");
            jdbc.execute("vacuum analyze subscribers");
            ImportReport report;
            try (InputStream in = Files.newInputStream(csv)) {
                report = ctx.getBean(SubscriberImporter.class).load(in, "bench");
            }
            System.out.printf("import: %d rows read, %d inserted, %d rejected in %.1f s = %d rows/s%n",
                    report.rowsRead(), report.inserted(), report.rejected(), report.seconds(), report.rowsPerSecond());
            jdbc.execute("vacuum analyze subscribers");
            addCalls(jdbc, rows);

            CallerCardService cards = ctx.getBean(CallerCardService.class);
            SubscriberCache cache = ctx.getBean(SubscriberCache.class);
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < lookups; i++) {
                cards.cardFor(SubscriberCsv.e164(random.nextLong(rows)));
            }
            cache.registryChanged();
            String[] numbers = new String[lookups];
            for (int i = 0; i < lookups; i++) {
                // Half in the domestic form an exchange delivers: normalisation is part of the lookup.
                String e164 = SubscriberCsv.e164(random.nextLong(rows));
                numbers[i] = i % 2 == 0 ? e164 : "8" + e164.substring(2);
            }
            double uncached = p99(cards, numbers);
            double cached = p99(cards, numbers);
            CallerCard sample = cards.cardFor(numbers[0]);
            System.out.println("sample card: " + sample);
            long count = jdbc.queryForObject("select count(*) from subscribers", Long.class);
            System.out.printf("lookup subscribers=%d import_rows_per_s=%d p99_ms_cached=%.3f p99_ms_uncached=%.3f%n",
                    count, report.rowsPerSecond(), cached, uncached);
        }
    }

    /** A month of calls from a random tenth of a million numbers, so the history query has rows to find. */
    private static void addCalls(JdbcTemplate jdbc, long rows) {
        jdbc.update("delete from calls where caller_number like 'bench:%'");
        jdbc.update("""
                insert into calls (id, caller_number, caller_number_e164, caller_number_status, outcome, offered_at)
                select gen_random_uuid(), 'bench:' || g, '+7701' || lpad((g % ?)::text, 7, '0'), 'valid',
                       (array['answered','abandoned','timed-out'])[1 + g % 3], now() - (g % 43200) * interval '1 minute'
                from generate_series(1, 300000) g""", Math.min(rows / 10, 10_000_000L));
        jdbc.execute("analyze calls");
    }

    private static double p99(CallerCardService cards, String[] numbers) {
        long[] nanos = new long[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            long t0 = System.nanoTime();
            cards.cardFor(numbers[i]);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6;
    }
}
