package kz.line102.callcenter.stats.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kz.line102.callcenter.stats.Figures;
import kz.line102.callcenter.stats.StatsService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * History as CSV like the daily report's: UTF-8 with a byte order mark (Excel reads the
 * Cyrillic right), ';' separated (Russian and Kazakh regional settings), one header row
 * in the chosen language, decimals with a point.
 */
final class StatsCsv {

    static final String[] FIGURES = {"offered", "answered", "abandoned", "abandonedInQueue", "abandonedRinging",
        "abandonedBeforeQueue", "shortAbandoned", "timedOut", "serviceLevel", "serviceLevelSeconds", "asa",
        "averageAbandonWait", "p90AbandonWait", "aht", "longestWait", "repeats", "calledBack"};

    private StatsCsv() {
    }

    static List<Object> values(Figures f) {
        return List.of(f.offered(), f.answered(), f.abandoned(), f.abandonedInQueue(), f.abandonedRinging(),
                f.abandonedBeforeQueue(), f.shortAbandoned(), f.timedOut(), dec(f.serviceLevel()),
                f.serviceLevelSeconds(), dec(f.asa()), dec(f.averageAbandonWait()),
                f.p90AbandonWait() == null ? "" : f.p90AbandonWait(), dec(f.aht()), f.longestWait(), f.repeats(),
                f.abandonedCalledBack());
    }

    static String dec(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    static void write(StatsService.History h, StatsTexts texts, OutputStream out) {
        List<String> header = new ArrayList<>();
        h.groups().forEach(g -> header.add(texts.t(g)));
        for (String f : FIGURES) {
            header.add(texts.t(f));
        }
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setDelimiter(';')
                    .setHeader(header.toArray(String[]::new)).get());
            for (StatsService.Row r : h.rows()) {
                List<Object> line = new ArrayList<>();
                r.key().values().forEach(k -> line.add(k.equals("all") ? texts.t("all") : k));
                line.addAll(values(r.figures()));
                csv.printRecord(line);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
