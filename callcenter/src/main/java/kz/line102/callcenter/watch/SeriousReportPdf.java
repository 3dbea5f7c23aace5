package kz.line102.callcenter.watch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import kz.line102.callcenter.app.PdfFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * A report of a serious event as PDF, in the words of the chosen language (ru, kk, en) and
 * the bundled font, so Kazakh letters print; the layout of the journals' PDFs.
 */
@Component
class SeriousReportPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final WatchProperties props;

    SeriousReportPdf(WatchProperties props) {
        this.props = props;
    }

    void write(SeriousReportService.Report r, WatchTexts t, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            JournalExport.Sheet sheet = new JournalExport.Sheet(doc, PdfFont.embed(doc).font());
            SeriousReportStore.Version v = r.current();
            sheet.line(t.t("serious.title") + " № " + r.id(), 14, 20);
            sheet.line(t.t("serious.kui") + ": " + r.kuiNumber() + "   " + t.t("serious.version") + " " + v.version(), 10, 14);
            sheet.line(t.t("serious.zone") + ": " + props.zone().getId(), 8, 12);
            sheet.gap(6);
            sheet.line(t.t("serious.eventType") + ": " + v.eventType(), 10, 14);
            sheet.line(t.t("serious.occurredAt") + ": " + time(v.occurredAt()), 10, 14);
            sheet.line(t.t("serious.place") + ": " + v.place(), 10, 14);
            sheet.line(t.t("serious.units") + ": " + v.units(), 10, 14);
            sheet.gap(6);
            sheet.line(t.t("serious.whatHappened") + ":", 10, 14);
            sheet.wrapped(v.whatHappened(), 10, 13);
            if (!v.measures().isEmpty()) {
                sheet.gap(6);
                sheet.line(t.t("serious.measures") + ":", 10, 14);
                sheet.wrapped(v.measures(), 10, 13);
            }
            sheet.gap(12);
            sheet.line(t.t("serious.draftedBy") + ": " + r.draftedBy() + "   " + time(r.draftedAt()), 9, 12);
            if (r.signature() == null) {
                sheet.line(t.t("serious.unsigned"), 10, 14);
            } else {
                sheet.line(t.t("serious.signedBy") + ": " + r.signature().signedBy() + "   "
                        + time(r.signature().signedAt()), 10, 14);
            }
            sheet.finish(t);
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String time(Instant at) {
        return at == null ? "-" : TIME.format(at.atZone(props.zone()));
    }
}
