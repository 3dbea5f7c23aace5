package kz.line102.callcenter.watch;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports of serious events over HTTP: drafted from a card ({@code kui}), edited as new
 * versions, signed by the chief, printed as PDF; {@code ?kui=} lists a card's reports.
 */
@RestController
@RequestMapping("/api/v1/watch/serious-reports")
class SeriousReportController {

    private final SeriousReportService reports;
    private final SeriousReportPdf pdf;

    SeriousReportController(SeriousReportService reports, SeriousReportPdf pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    @GetMapping
    List<SeriousReportService.Report> list(Authentication auth, @RequestParam(required = false) String kui,
                                           @RequestParam(required = false) Long before,
                                           @RequestParam(defaultValue = "50") int size) {
        return reports.list(kui, before, size, auth.getName());
    }

    @GetMapping("/{id}")
    SeriousReportService.Report report(@PathVariable long id) {
        return reports.report(id);
    }

    @PostMapping
    ResponseEntity<SeriousReportService.Report> draft(Authentication auth,
                                                      @RequestBody SeriousReportService.Draft draft) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reports.draft(auth.getName(), draft));
    }

    @PostMapping("/{id}/versions")
    SeriousReportService.Report edit(Authentication auth, @PathVariable long id,
                                     @RequestBody SeriousReportService.Draft draft) {
        return reports.edit(id, auth.getName(), draft);
    }

    @PostMapping("/{id}/signature")
    SeriousReportService.Report sign(Authentication auth, @PathVariable long id) {
        return reports.sign(id, auth.getName());
    }

    @GetMapping("/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) String lang) {
        WatchTexts texts = WatchTexts.of(lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write(reports.report(id), texts, out);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename("serious-report-" + id + "-" + texts.lang() + ".pdf").build()
                        .toString()).body(out.toByteArray());
    }
}
