package kz.line102.callcenter.watch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import kz.line102.callcenter.app.PdfFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/** The commission's act of the chief's hand-over as PDF, in ru, kk or en, with every item and signature. */
@Component
class CommissionPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final WatchProperties props;

    CommissionPdf(WatchProperties props) {
        this.props = props;
    }

    void write(CommissionService.Act a, WatchTexts t, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            JournalExport.Sheet sheet = new JournalExport.Sheet(doc, PdfFont.embed(doc).font());
            sheet.line(t.t("commission.title") + " № " + a.id(), 14, 20);
            sheet.line(t.t("commission.drawnBy") + ": " + a.drawnBy() + "   " + time(a.drawnAt()) + "   ("
                    + props.zone().getId() + ")", 9, 12);
            sheet.gap(6);
            sheet.line(t.t("commission.outgoing") + ": " + a.outgoingChief(), 10, 14);
            sheet.line(t.t("commission.incoming") + ": " + a.incomingChief(), 10, 14);
            sheet.line(t.t("commission.members") + ": " + String.join(", ", a.members()), 10, 14);
            if (a.note() != null) {
                sheet.wrapped(a.note(), 10, 13);
            }
            sheet.gap(6);
            sheet.line(t.t("commission.items"), 11, 16);
            int n = 0;
            for (CommissionStore.Item i : a.items()) {
                n++;
                StringBuilder b = new StringBuilder().append(n).append(". ").append(t.t(i.kind())).append(": ")
                        .append(i.title());
                if (i.serialNumber() != null) {
                    b.append(", ").append(t.t("serialNumber")).append(" ").append(i.serialNumber());
                }
                b.append(", ").append(t.t("quantity")).append(" ").append(i.quantity());
                if (i.condition() != null) {
                    b.append(", ").append(t.t("commission.condition")).append(": ").append(i.condition());
                }
                sheet.wrapped(b.toString(), 9, 12);
            }
            sheet.gap(6);
            sheet.line(t.t("commission.signatures"), 11, 16);
            for (CommissionStore.Signature s : a.signatures()) {
                sheet.line(s.signer() + " — " + t.t("commission." + s.capacity()) + ", " + time(s.signedAt()), 9, 12);
            }
            sheet.line(a.complete() ? t.t("commission.complete")
                    : t.t("commission.awaiting") + ": " + String.join(", ", a.awaiting()), 10, 14);
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
