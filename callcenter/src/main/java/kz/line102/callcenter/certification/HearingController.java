package kz.line102.callcenter.certification;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A commission's meeting and after it, under {@code /api/v1/certification}: observers'
 * applications (recorded by personnel), the commissions' order, appeals (filed through
 * personnel) and their decision or a cancellation by a higher commission (SUPERVISOR, a member of it). The URL table in {@code security} says who may do what.
 */
@RestController
@RequestMapping("/api/v1/certification")
class HearingController {

    private final ObserverService observers;
    private final AppealService appeals;
    private final CertificationPdf pdf;

    HearingController(ObserverService observers, AppealService appeals, CertificationPdf pdf) {
        this.observers = observers;
        this.appeals = appeals;
        this.pdf = pdf;
    }

    /** {@code profile}, {@code voting-list}, {@code minutes} or {@code sheet} of the case, in ru, kk or en. */
    @GetMapping("/cases/{id}/documents/{kind}.pdf")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String kind,
                                    @RequestParam(defaultValue = "ru") String lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write(id, kind, lang, out);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("certification-" + id + "-" + kind + "-" + lang + ".pdf").build().toString())
                .body(out.toByteArray());
    }

    record HigherBody(Long higherId) {
    }

    record AppealBody(String grounds, LocalDate filedOn) {
    }

    record AppealDecisionBody(String outcome, Long commissionId, String reason) {
    }

    record CancellationBody(Long commissionId, String reason) {
    }

    @PutMapping("/commissions/{id}/higher")
    Commission higher(Authentication auth, @PathVariable long id, @RequestBody HigherBody body) {
        return appeals.setHigher(id, body.higherId(), auth.getName());
    }

    @PostMapping("/cases/{id}/appeals")
    ResponseEntity<Appeal> appeal(Authentication auth, @PathVariable long id, @RequestBody AppealBody body) {
        return ResponseEntity.status(201).body(appeals.file(id, body.grounds(), body.filedOn(), auth.getName()));
    }

    @GetMapping("/cases/{id}/appeals")
    List<Appeal> appeals(@PathVariable long id) {
        return appeals.appeals(id);
    }

    @PostMapping("/appeals/{id}/decision")
    Appeal decideAppeal(Authentication auth, @PathVariable long id, @RequestBody AppealDecisionBody body) {
        return appeals.decide(id, body.outcome(), body.commissionId(), body.reason(), auth.getName());
    }

    @PostMapping("/cases/{id}/cancellation")
    CertificationCase cancel(Authentication auth, @PathVariable long id, @RequestBody CancellationBody body) {
        return appeals.cancel(id, body.commissionId(), body.reason(), auth.getName());
    }

    @PostMapping("/commissions/{id}/meetings/{date}/observers")
    ResponseEntity<Observer> apply(Authentication auth, @PathVariable long id,
                                   @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                   @RequestBody ObserverService.Application body) {
        return ResponseEntity.status(201).body(observers.apply(id, date, body, auth.getName()));
    }

    @GetMapping("/commissions/{id}/meetings/{date}/observers")
    List<Observer> observers(@PathVariable long id,
                             @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                             @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 500) {
            throw CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST, "limit must be 1 to 500, got " + limit);
        }
        return observers.observers(id, date, limit, Math.max(0, offset));
    }
}
