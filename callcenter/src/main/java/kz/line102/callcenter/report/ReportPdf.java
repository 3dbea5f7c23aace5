package kz.line102.callcenter.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import kz.line102.callcenter.app.PdfFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.stereotype.Component;

/**
 * The report as a PDF: A4 landscape, the watch and its sign-off (with the snapshot's
 * SHA-256) at the top, one table row per card that runs on over as many pages as it
 * needs (the header row repeated on each), then the totals, the repeat calls and any
 * changes after the sign-off. DejaVu Sans is embedded (as a subset), so the Cyrillic and
 * Kazakh letters show on a machine that has no such font.
 */
@Component
class ReportPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final float MARGIN = 30;
    private static final float CELL_PAD = 2;
    private static final float TABLE_SIZE = 7.5f;
    private static final float LEADING = 9;
    private static final int MAX_CELL_LINES = 40;
    private static final String[] COLUMNS = {"no", "kui", "registeredAt", "type", "priority", "address", "caller",
        "status", "result", "units", "repeats"};
    private static final float[] WIDTHS = {22, 96, 62, 110, 34, 110, 100, 70, 100, 48, 30};

    void write(DailyReport report, ReportTexts texts, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            Sheet sheet = new Sheet(doc, PdfFont.embed(doc));
            ZoneId zone = ZoneId.of(report.watch().zone());
            sheet.line(texts.t("title"), 14, 20);
            sheet.line(texts.t("watch") + ": " + time(report.watch().start(), zone) + " — "
                    + time(report.watch().end(), zone) + " (" + report.watch().zone() + ")", 10, 14);
            if (report.signed()) {
                sheet.line(texts.t("state.signed") + ". " + texts.t("signedBy") + ": " + report.signedBy() + ", "
                        + time(report.signedAt(), zone), 10, 14);
                sheet.line("SHA-256: " + report.sha256(), 9, 13);
                if (report.auditHead() != null) {
                    sheet.line(texts.t("auditHead") + ": " + report.auditHead(), 7, 11);
                }
                if (Boolean.FALSE.equals(report.intact())) {
                    sheet.line(texts.t("intact.false"), 10, 14);
                }
            } else {
                sheet.line(texts.t("state.open"), 10, 14);
            }
            sheet.gap(6);
            table(sheet, report, texts, zone);
            sheet.gap(10);
            totals(sheet, report, texts);
            if (!report.addenda().isEmpty()) {
                sheet.gap(8);
                sheet.line(texts.t("addenda"), 10, 14);
                for (DailyReport.Addendum a : report.addenda()) {
                    ReportLine l = a.line();
                    sheet.wrapped(time(a.seenAt(), zone) + " — " + l.kuiNumber() + ": " + texts.t(l.status())
                            + (l.result() == null ? "" : ", " + l.result()), 8, 10);
                }
            }
            sheet.finish(report.signed() ? "SHA-256: " + report.sha256() : texts.t("state.open"), texts);
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void table(Sheet sheet, DailyReport report, ReportTexts texts, ZoneId zone) throws IOException {
        String[] header = new String[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            header[i] = texts.t(COLUMNS[i]);
        }
        sheet.header = header;
        sheet.row(header, true);
        int n = 0;
        for (ReportLine l : report.lines()) {
            String type = texts.type(report, l.typeCode());
            String category = texts.t(l.category());
            String address = l.sceneAddress() == null ? (l.sceneUnknown() ? texts.t("sceneUnknown") : "")
                    : l.sceneAddress();
            String caller = join(l.callerNumber(), l.callerName());
            sheet.row(new String[] {String.valueOf(++n), l.kuiNumber(), time(l.registeredAt(), zone),
                join(type, category), l.priority() == null ? "" : String.valueOf(l.priority()), address, caller,
                texts.t(l.status()), l.result() == null ? "" : l.result(), String.join(", ", l.units()),
                String.valueOf(l.repeatCount())}, false);
        }
        if (report.lines().isEmpty()) {
            sheet.line(texts.t("none"), 9, 12);
        }
    }

    private static void totals(Sheet sheet, DailyReport report, ReportTexts texts) throws IOException {
        DailyReport.Totals t = report.totals();
        sheet.line(texts.t("totals"), 11, 15);
        sheet.line(texts.t("cards") + ": " + t.cards() + "; " + texts.t("repeatCalls") + ": " + t.repeatCalls(), 9,
                12);
        StringBuilder byCategory = new StringBuilder(texts.t("byCategory")).append(": ");
        t.byCategory().forEach((k, v) -> byCategory.append(texts.t(k)).append(" — ").append(v).append("; "));
        sheet.wrapped(byCategory.toString(), 9, 12);
        StringBuilder byType = new StringBuilder(texts.t("byType")).append(": ");
        t.byType().forEach((k, v) -> byType.append(texts.type(report, k)).append(" — ").append(v).append("; "));
        sheet.wrapped(byType.toString(), 9, 12);
        StringBuilder byOutcome = new StringBuilder(texts.t("byOutcome")).append(": ");
        t.byOutcome().forEach((k, v) -> byOutcome.append(texts.t(k)).append(" — ").append(v).append("; "));
        sheet.wrapped(byOutcome.toString(), 9, 12);
        sheet.line(texts.t("repeatAddresses") + ":" + (report.repeatAddresses().isEmpty() ? " " + texts.t("none")
                : ""), 9, 12);
        for (DailyReport.RepeatAddress r : report.repeatAddresses()) {
            sheet.wrapped(r.kuiNumber() + " — " + join(r.sceneAddress(), r.callerNumber()).replace('\n', ',') + ": "
                    + r.repeatCount(), 9, 12);
        }
    }

    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second == null ? "" : second;
        }
        return second == null || second.isBlank() ? first : first + "\n" + second;
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** Pages being filled from the top down; a new page when the next thing does not fit. */
    private static final class Sheet {

        private final PDDocument doc;
        private final PdfFont font;
        private final List<PDPage> pages = new ArrayList<>();
        private final float width = PDRectangle.A4.getHeight();
        private final float height = PDRectangle.A4.getWidth();
        private PDPageContentStream out;
        private float y;
        String[] header;

        Sheet(PDDocument doc, PdfFont font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            pages.add(page);
            out = new PDPageContentStream(doc, page);
            out.setLineWidth(0.4f);
            y = height - MARGIN;
        }

        /** Room for {@code needed} points more on this page, or a new page (with the table's header again). */
        private void room(float needed, boolean inTable) throws IOException {
            if (y - needed >= MARGIN + 14) {
                return;
            }
            newPage();
            if (inTable && header != null) {
                row(header, true);
            }
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, float size, float leading) throws IOException {
            room(leading, false);
            y -= leading;
            show(clean(text), MARGIN, y, size);
        }

        void wrapped(String text, float size, float leading) throws IOException {
            for (String l : wrap(text, width - 2 * MARGIN, size)) {
                line(l, size, leading);
            }
        }

        void row(String[] cells, boolean bold) throws IOException {
            List<List<String>> lines = new ArrayList<>();
            int most = 1;
            for (int i = 0; i < cells.length; i++) {
                List<String> l = wrap(cells[i], WIDTHS[i] - 2 * CELL_PAD, TABLE_SIZE);
                if (l.size() > MAX_CELL_LINES) {
                    l = new ArrayList<>(l.subList(0, MAX_CELL_LINES));
                    l.set(MAX_CELL_LINES - 1, l.get(MAX_CELL_LINES - 1) + "…");
                }
                lines.add(l);
                most = Math.max(most, l.size());
            }
            float rowHeight = most * LEADING + 2 * CELL_PAD;
            room(rowHeight, !bold);
            float x = MARGIN;
            float top = y;
            if (bold) {
                out.setNonStrokingColor(0.9f, 0.9f, 0.9f);
                out.addRect(MARGIN, top - rowHeight, sum(WIDTHS), rowHeight);
                out.fill();
                out.setNonStrokingColor(0f, 0f, 0f);
            }
            for (int i = 0; i < cells.length; i++) {
                float ty = top - CELL_PAD - TABLE_SIZE;
                for (String l : lines.get(i)) {
                    show(l, x + CELL_PAD, ty, TABLE_SIZE);
                    ty -= LEADING;
                }
                out.addRect(x, top - rowHeight, WIDTHS[i], rowHeight);
                x += WIDTHS[i];
            }
            out.stroke();
            y = top - rowHeight;
        }

        private void show(String text, float x, float at, float size) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            out.beginText();
            out.setFont(font.font(), size);
            out.newLineAtOffset(x, at);
            out.showText(text);
            out.endText();
        }

        private List<String> wrap(String text, float max, float size) throws IOException {
            return font.wrap(text, max, size);
        }

        private String clean(String text) {
            return font.clean(text);
        }

        /** Closes the last page and writes "page N of M" and {@code footer} at the foot of every page. */
        void finish(String footer, ReportTexts texts) throws IOException {
            out.close();
            String foot = clean(footer);
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    out = s;
                    show(texts.t("page") + " " + (i + 1) + " " + texts.t("of") + " " + pages.size() + "   " + foot,
                            MARGIN, MARGIN, 7);
                }
            }
        }

        private static float sum(float[] values) {
            float s = 0;
            for (float v : values) {
                s += v;
            }
            return s;
        }
    }
}
