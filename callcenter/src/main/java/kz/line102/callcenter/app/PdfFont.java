package kz.line102.callcenter.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The bundled DejaVu Sans embedded (as a subset) in one PDF, so Cyrillic and Kazakh letters
 * print on a machine that has no such font, and text measured and wrapped in it. Shared by
 * the documents the application prints (the daily report, certification papers).
 */
public final class PdfFont {

    public static final String RESOURCE = "/fonts/DejaVuSans.ttf";
    private static final byte[] BYTES = load();

    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    private PdfFont(PDType0Font font) {
        this.font = font;
    }

    public static PdfFont embed(PDDocument doc) throws IOException {
        return new PdfFont(PDType0Font.load(doc, new ByteArrayInputStream(BYTES), true));
    }

    public PDType0Font font() {
        return font;
    }

    public float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text cut into lines that fit {@code max} points: at line breaks, then at spaces, then anywhere. */
    public List<String> wrap(String text, float max, float size) throws IOException {
        List<String> result = new ArrayList<>();
        for (String paragraph : clean(text == null ? "" : text.replace("\r\n", "\n")).split("\n", -1)) {
            StringBuilder current = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(candidate, size) <= max) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    result.add(current.toString());
                    current.setLength(0);
                }
                for (int i = 0; i < word.length(); ) {
                    int cp = word.codePointAt(i);
                    String ch = new String(Character.toChars(cp));
                    if (!current.isEmpty() && width(current + ch, size) > max) {
                        result.add(current.toString());
                        current.setLength(0);
                    }
                    current.append(ch);
                    i += Character.charCount(cp);
                }
            }
            result.add(current.toString());
        }
        return result;
    }

    /** Control characters become spaces; letters the font lacks (emoji, say) become '?'. */
    public String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append('\n');
            } else if (Character.isISOControl(cp)) {
                b.append(' ');
            } else if (printable.computeIfAbsent(cp, this::hasGlyph)) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static byte[] load() {
        try (InputStream in = PdfFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
