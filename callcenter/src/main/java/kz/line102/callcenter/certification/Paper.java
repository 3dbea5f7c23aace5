package kz.line102.callcenter.certification;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import kz.line102.callcenter.app.PdfFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * An A4 portrait paper filled from the top down, a new page when the next line does not fit,
 * in the application's embedded font ({@link PdfFont}); the certification documents are
 * headings, labelled paragraphs and signature lines.
 */
final class Paper implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();

    private final PDDocument doc = new PDDocument();
    private final PdfFont font;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    Paper() throws IOException {
        font = PdfFont.embed(doc);
        newPage();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(doc, page);
        y = HEIGHT - MARGIN;
    }

    Paper title(String text) throws IOException {
        return text(text, 14, 20).gap(6);
    }

    Paper heading(String text) throws IOException {
        return gap(4).text(text, 11, 15);
    }

    /** Wrapped text at {@code size} points, {@code leading} apart. */
    Paper text(String text, float size, float leading) throws IOException {
        for (String line : font.wrap(text == null ? "" : text, WIDTH - 2 * MARGIN, size)) {
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            if (!line.isEmpty()) {
                out.beginText();
                out.setFont(font.font(), size);
                out.newLineAtOffset(MARGIN, y);
                out.showText(line);
                out.endText();
            }
        }
        return this;
    }

    Paper body(String text) throws IOException {
        return text(text, 10, 13);
    }

    /** "label: value" as one wrapped paragraph. */
    Paper field(String label, Object value) throws IOException {
        return body(label + ": " + (value == null ? "—" : value));
    }

    /** A line to sign on: who, and a blank (or the signature recorded). */
    Paper signature(String label, String signed) throws IOException {
        return gap(6).body(label + "  " + (signed == null ? "____________________" : signed));
    }

    Paper gap(float points) {
        y -= points;
        return this;
    }

    void save(OutputStream to) throws IOException {
        out.close();
        out = null;
        doc.save(to);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
        doc.close();
    }
}
