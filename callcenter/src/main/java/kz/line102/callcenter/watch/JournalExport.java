package kz.line102.callcenter.watch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * A journal's entries as CSV (UTF-8 with a BOM, so Excel reads Cyrillic and Kazakh letters)
 * and as PDF (PDFBox with the bundled DejaVu Sans, so Kazakh letters print on a machine
 * without such a font). The report module's renderer is private to its daily report, so
 * this one is the journal's own.
 */
@Component
class JournalExport {

    private static final String FONT = "/fonts/DejaVuSans.ttf";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    static final float MARGIN = 40;

    private final WatchProperties props;
    private final byte[] font;

    JournalExport(WatchProperties props) {
        this.props = props;
        try (InputStream in = JournalExport.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is missing from the application's resources");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void csv(String kind, List<WatchStore.Entry> entries, WatchTexts texts, OutputStream out) {
        List<String> fields = props.journals().get(kind).fields();
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            List<String> head = new ArrayList<>(List.of(texts.t("no"), texts.t("at"), texts.t("author"), texts.t("text"),
                    texts.t("correction"), texts.t("correctedBy")));
            fields.forEach(f -> head.add(texts.t("field." + f)));
            row(w, head);
            for (WatchStore.Entry e : entries) {
                List<String> r = new ArrayList<>(List.of(e.year() + "/" + e.number(), time(e.at()), e.author(), e.text(),
                        e.correctsNumber() == null ? "" : String.valueOf(e.correctsNumber()),
                        e.correctedBy().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")));
                fields.forEach(f -> r.add(value(e.fields(), f, texts)));
                row(w, r);
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(Map<String, String> fields, String f, WatchTexts texts) {
        String v = fields.getOrDefault(f, "");
        return f.equals("result") ? texts.t(v) : v;
    }

    private void row(Writer w, List<String> cells) throws IOException {
        String delimiter = ";";
        StringBuilder b = new StringBuilder();
        for (String c : cells) {
            if (!b.isEmpty()) {
                b.append(delimiter);
            }
            String v = c == null ? "" : c;
            // A cell Excel would take for a formula is prefixed with an apostrophe.
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                v = "'" + v;
            }
            b.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        w.write(b.append("\r\n").toString());
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(props.zone()));
    }

    void pdf(String kind, WatchProperties.Journal journal, List<WatchStore.Entry> entries, WatchTexts texts,
             OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = PDType0Font.load(doc, new ByteArrayInputStream(font), true);
            Sheet sheet = new Sheet(doc, f);
            sheet.line(texts.t("appendix") + " " + journal.appendix(), 8, 12);
            sheet.line(texts.t(kind), 14, 20);
            long months = journal.retention().toTotalMonths();
            sheet.line(texts.t("retention") + ": " + (months % 12 == 0 ? String.valueOf(months / 12)
                    : String.valueOf(months / 12.0)), 8, 12);
            sheet.line(ZoneId.of(props.zone().getId()).getId() + ", " + time(Instant.now()), 8, 14);
            if (entries.isEmpty()) {
                sheet.line(texts.t("noEntries"), 10, 14);
            }
            for (WatchStore.Entry e : entries) {
                sheet.gap(6);
                sheet.line(texts.t("no") + " " + e.year() + "/" + e.number() + "   " + time(e.at()) + "   " + e.author(), 10, 14);
                if (e.correctsNumber() != null) {
                    sheet.line(texts.t("correction") + " " + e.correctsNumber(), 9, 12);
                }
                for (String field : journal.fields()) {
                    if (e.fields().containsKey(field)) {
                        sheet.line(texts.t("field." + field) + ": " + value(e.fields(), field, texts), 9, 12);
                    }
                }
                sheet.wrapped(e.text(), 10, 13);
                if (!e.correctedBy().isEmpty()) {
                    sheet.line(texts.t("correctedBy") + " " + e.correctedBy(), 9, 12);
                }
            }
            sheet.finish(texts);
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines down A4 pages, a new page when one is full; letters the font lacks become '?'. */
    static final class Sheet {
        private final PDDocument doc;
        private final PDType0Font font;
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream out;
        private float y;

        Sheet(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            page();
        }

        private void page() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            pages.add(p);
            out = new PDPageContentStream(doc, p);
            y = p.getMediaBox().getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, float size, float height) throws IOException {
            if (y - height < MARGIN + 14) {
                page();
            }
            y -= height;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y);
            out.showText(clean(text));
            out.endText();
        }

        void wrapped(String text, float size, float height) throws IOException {
            float max = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (String paragraph : clean(text.replace("\r\n", "\n")).split("\n", -1)) {
                StringBuilder current = new StringBuilder();
                for (int i = 0; i < paragraph.length(); ) {
                    int cp = paragraph.codePointAt(i);
                    String ch = new String(Character.toChars(cp));
                    if (!current.isEmpty() && font.getStringWidth(current + ch) / 1000 * size > max) {
                        int space = current.lastIndexOf(" ");
                        String rest = space > 0 ? current.substring(space + 1) : "";
                        line(space > 0 ? current.substring(0, space) : current.toString(), size, height);
                        current.setLength(0);
                        current.append(rest);
                    }
                    current.append(ch);
                    i += Character.charCount(cp);
                }
                line(current.toString(), size, height);
            }
        }

        private String clean(String text) {
            StringBuilder b = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    b.append('\n');
                } else if (Character.isISOControl(cp)) {
                    b.append(' ');
                } else {
                    try {
                        font.encode(new String(Character.toChars(cp)));
                        b.appendCodePoint(cp);
                    } catch (IllegalArgumentException | IOException e) {
                        b.append('?');
                    }
                }
            });
            return b.toString();
        }

        void finish(WatchTexts texts) throws IOException {
            out.close();
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    s.beginText();
                    s.setFont(font, 7);
                    s.newLineAtOffset(MARGIN, MARGIN);
                    s.showText(texts.t("page") + " " + (i + 1) + " / " + pages.size());
                    s.endText();
                }
            }
        }
    }
}
