package kz.line102.callcenter.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * The report's lines as CSV: UTF-8 with a byte order mark (without it Excel reads the
 * Cyrillic as Windows-1251), RFC 4180 quoting, the configured separator, one header row
 * in the chosen language, times in the centre's zone.
 */
@Component
class ReportCsv {

    private static final char BOM = '\uFEFF';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private final ReportProperties props;

    ReportCsv(ReportProperties props) {
        this.props = props;
    }

    void write(DailyReport report, ReportTexts texts, OutputStream out) {
        ZoneId zone = ZoneId.of(report.watch().zone());
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(props.csvDelimiter().charAt(0))
                .setHeader(texts.t("no"), texts.t("kui"), texts.t("registeredAt"), texts.t("category"),
                        texts.t("type"), texts.t("priority"), texts.t("address"), texts.t("callerNumber"),
                        texts.t("caller"), texts.t("status"), texts.t("result"), texts.t("units"),
                        texts.t("repeats"), texts.t("closedAt"))
                .get();
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(BOM);
            CSVPrinter csv = new CSVPrinter(w, format);
            int n = 0;
            for (ReportLine l : report.lines()) {
                csv.printRecord(++n, l.kuiNumber(), time(l.registeredAt(), zone), texts.t(l.category()),
                        texts.type(report, l.typeCode()), l.priority(),
                        text(l.sceneUnknown() && l.sceneAddress() == null ? texts.t("sceneUnknown") : l.sceneAddress()),
                        text(l.callerNumber()), text(l.callerName()), texts.t(l.status()), text(l.result()),
                        text(String.join(", ", l.units())), l.repeatCount(), time(l.closedAt(), zone));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text typed by people (or a number as the network sent it, {@code +7...}) that a
     * spreadsheet would take for a formula gets a leading apostrophe: it stays text.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }
}
