package kz.line102.callcenter.stats.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import kz.line102.callcenter.stats.StatsService;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * History as a PDF: A4 landscape, the period and zone on top, one row per group with the
 * main figures, pages as many as needed. The report module's renderer is not part of its
 * API, so this is a small one of our own with the same bundled DejaVu Sans (Cyrillic and
 * Kazakh letters on any machine).
 */
final class StatsPdf {

    private static final String FONT = "/fonts/DejaVuSans.ttf";
    private static final String[] COLUMNS = {"offered", "answered", "abandoned", "shortAbandoned",
        "abandonedBeforeQueue", "serviceLevel", "asa", "averageAbandonWait", "p90AbandonWait", "aht", "longestWait",
        "repeats", "calledBack"};
    private static final float MARGIN = 30;
    private static final float SIZE = 7;
    private static final float ROW = 11;

    private StatsPdf() {
    }

    static void write(StatsService.History h, StatsTexts texts, OutputStream out) {
        byte[] font = font();
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = PDType0Font.load(doc, new ByteArrayInputStream(font), true);
            List<String> header = new ArrayList<>();
            h.groups().forEach(g -> header.add(texts.t(g)));
            for (String c : COLUMNS) {
                header.add(texts.t(c));
            }
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            float width = (size.getWidth() - 2 * MARGIN) / header.size();
            int row = 0;
            while (row < h.rows().size() || row == 0) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    float y = size.getHeight() - MARGIN;
                    text(s, f, 13, MARGIN, y, texts.t("title"));
                    y -= 16;
                    text(s, f, 9, MARGIN, y, texts.t("period") + ": " + h.from() + " — " + h.to() + " ("
                            + texts.t("zone") + ": " + h.zone() + ")");
                    y -= 18;
                    for (int i = 0; i < header.size(); i++) {
                        text(s, f, SIZE - 1, MARGIN + i * width, y, fit(f, header.get(i), width, SIZE - 1));
                    }
                    y -= ROW;
                    while (row < h.rows().size() && y > MARGIN) {
                        StatsService.Row r = h.rows().get(row++);
                        List<String> cells = new ArrayList<>();
                        r.key().values().forEach(k -> cells.add(k.equals("all") ? texts.t("all") : k));
                        var fig = r.figures();
                        for (Object v : List.<Object>of(fig.offered(), fig.answered(), fig.abandoned(),
                                fig.shortAbandoned(), fig.abandonedBeforeQueue(), StatsCsv.dec(fig.serviceLevel()),
                                StatsCsv.dec(fig.asa()), StatsCsv.dec(fig.averageAbandonWait()),
                                fig.p90AbandonWait() == null ? "" : fig.p90AbandonWait(), StatsCsv.dec(fig.aht()),
                                fig.longestWait(), fig.repeats(), fig.abandonedCalledBack())) {
                            cells.add(String.valueOf(v));
                        }
                        for (int i = 0; i < cells.size(); i++) {
                            text(s, f, SIZE, MARGIN + i * width, y, fit(f, cells.get(i), width, SIZE));
                        }
                        y -= ROW;
                    }
                    text(s, f, 7, size.getWidth() - MARGIN - 40, MARGIN / 2, texts.t("page") + " "
                            + doc.getNumberOfPages());
                }
                if (h.rows().isEmpty()) {
                    break;
                }
            }
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The quarterly results: one line per figure, the sign-off and its SHA-256 on top. */
    static void quarter(kz.line102.callcenter.stats.Evaluation.Quarter q, StatsTexts texts, OutputStream out) {
        var sm = q.summary();
        List<String[]> lines = List.of(
                new String[] {texts.t("callsReceived"), String.valueOf(sm.callsReceived())},
                new String[] {texts.t("callsProcessed"), String.valueOf(sm.callsProcessed())},
                new String[] {texts.t("answeredWithinNorm") + " (" + sm.serviceLevelSeconds() + " s)",
                    String.valueOf(sm.answeredWithinNorm())},
                new String[] {texts.t("serviceLevel"), StatsCsv.dec(sm.serviceLevel())},
                new String[] {texts.t("abandoned"), String.valueOf(sm.abandoned())},
                new String[] {texts.t("calledBack"), String.valueOf(sm.abandonedCalledBack())},
                new String[] {texts.t("repeats"), String.valueOf(sm.repeatCalls())},
                new String[] {texts.t("cardsRegistered"), String.valueOf(sm.cardsRegistered())},
                new String[] {texts.t("registrationSeconds"), StatsCsv.dec(sm.registrationSeconds())},
                new String[] {texts.t("firstArrivalSeconds"), StatsCsv.dec(sm.firstArrivalSeconds())},
                new String[] {texts.t("lateArrivals"), String.valueOf(sm.lateArrivals())});
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = PDType0Font.load(doc, new ByteArrayInputStream(font()), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN - 10;
                text(s, f, 14, MARGIN, y, texts.t("quarterTitle") + " " + q.quarter());
                y -= 18;
                text(s, f, 9, MARGIN, y, texts.t("period") + ": " + sm.from() + " — " + sm.to() + " ("
                        + texts.t("zone") + ": " + sm.zone() + ")");
                y -= 14;
                text(s, f, 9, MARGIN, y, "signed".equals(q.state()) ? texts.t("signed") + ": " + q.signedBy() + ", "
                        + q.signedAt() : texts.t("notSigned"));
                y -= 12;
                if (q.sha256() != null) {
                    text(s, f, 8, MARGIN, y, "SHA-256: " + q.sha256());
                    y -= 12;
                }
                y -= 10;
                for (String[] l : lines) {
                    text(s, f, 10, MARGIN, y, l[0]);
                    text(s, f, 10, PDRectangle.A4.getWidth() - MARGIN - 80, y, l[1]);
                    y -= 16;
                }
            }
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font() {
        try (InputStream in = StatsPdf.class.getResourceAsStream(FONT)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(FONT + " is missing from the application's resources", e);
        }
    }

    private static void text(PDPageContentStream s, PDType0Font f, float size, float x, float y, String t)
            throws IOException {
        s.beginText();
        s.setFont(f, size);
        s.newLineAtOffset(x, y);
        s.showText(t);
        s.endText();
    }

    /** Cuts a cell's text to its column (headers are long words in Kazakh). */
    private static String fit(PDType0Font f, String t, float width, float size) throws IOException {
        String s = t;
        while (s.length() > 1 && f.getStringWidth(s) / 1000 * size > width - 3) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
