package kz.line102.callcenter.report;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import kz.line102.callcenter.incident.IncidentProperties;
import kz.line102.callcenter.incident.Watches;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The daily operational report over HTTP: {@code GET /daily/{date}} (JSON), {@code
 * /daily/{date}.csv}, {@code /daily/{date}.pdf} ({@code ?lang=ru|kk|en}) and {@code POST
 * /daily/{date}/sign-off}. {@code date} is the day the watch starts on. One handler takes
 * the three forms, so a date with an unknown suffix gets the same clear 400 as any other
 * text that is no date, rather than a bare 404.
 */
@RestController
@RequestMapping("/api/v1/reports/daily")
class ReportController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final DailyReportService reports;
    private final ReportCsv csv;
    private final ReportPdf pdf;
    private final Watches watches;
    private final IncidentProperties incidentProps;

    ReportController(DailyReportService reports, ReportCsv csv, ReportPdf pdf, Watches watches,
                     IncidentProperties incidentProps) {
        this.reports = reports;
        this.csv = csv;
        this.pdf = pdf;
        this.watches = watches;
        this.incidentProps = incidentProps;
    }

    /** Which watch is running now and which one ended last (the one to sign off). */
    record Current(LocalDate current, LocalDate lastEnded, String zone) {
    }

    @GetMapping
    Current current() {
        LocalDate now = watches.current().day();
        return new Current(now, now.minusDays(1), incidentProps.zone().getId());
    }

    @GetMapping("/{file}")
    ResponseEntity<?> report(@PathVariable String file, @RequestParam(required = false) String lang) {
        String format = file.endsWith(".csv") ? "csv" : file.endsWith(".pdf") ? "pdf" : "json";
        String date = format.equals("json") ? file : file.substring(0, file.length() - 4);
        DailyReport report = reports.report(reports.watch(date));
        if (format.equals("json")) {
            return ResponseEntity.ok(report);
        }
        ReportTexts texts = ReportTexts.of(lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = "daily-report-" + report.watch().day() + "-" + texts.lang() + "." + format;
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Report-State", report.state());
        if (report.signed()) {
            answer.header("X-Report-SHA256", report.sha256());
        }
        if (format.equals("csv")) {
            csv.write(report, texts, out);
            return answer.contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(name).build().toString()).body(out.toByteArray());
        }
        pdf.write(report, texts, out);
        return answer.contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(name).build().toString()).body(out.toByteArray());
    }

    @PostMapping("/{date}/sign-off")
    DailyReport signOff(Authentication auth, @PathVariable String date) {
        return reports.signOff(reports.watch(date), auth.getName());
    }
}
