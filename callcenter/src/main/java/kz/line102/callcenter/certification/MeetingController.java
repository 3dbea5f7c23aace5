package kz.line102.callcenter.certification;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;

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
 * Under {@code /api/v1/certification}: the commission's meeting on a case (its secretary records
 * attendance and questions and closes the vote, each member present votes for themself), the
 * cases before the commissions the user sits on, the employee's own file ({@code /me}) and the
 * link of an employee to their account (personnel). Who of the roles the URL table lets in may
 * act is {@link CommissionRoles}' and {@link OwnFileService}'s to say.
 */
@RestController
@RequestMapping("/api/v1/certification")
class MeetingController {

    private static final int MAX_PAGE = 500;

    private final MeetingService meetings;
    private final OwnFileService files;
    private final JdbcMeetingRepository repo;
    private final CertificationPdf pdf;

    MeetingController(MeetingService meetings, OwnFileService files, JdbcMeetingRepository repo, CertificationPdf pdf) {
        this.meetings = meetings;
        this.files = files;
        this.repo = repo;
        this.pdf = pdf;
    }

    record AttendanceBody(Set<String> present) {
    }

    record QuestionBody(String askedBy, String question) {
    }

    record VoteBody(String decision) {
    }

    record AccountBody(String username) {
    }

    record AccountView(long employeeId, String username) {
    }

    record OwnAcknowledgementBody(Boolean disagrees, String disagreement, String addedInformation) {
    }

    @GetMapping("/cases/{id}/meeting")
    MeetingService.Meeting meeting(@PathVariable long id) {
        return meetings.meeting(id);
    }

    @PostMapping("/cases/{id}/attendance")
    MeetingService.Meeting attendance(Authentication auth, @PathVariable long id, @RequestBody AttendanceBody body) {
        return meetings.attendance(id, body.present(), auth.getName());
    }

    @PostMapping("/cases/{id}/questions")
    MeetingService.Meeting question(Authentication auth, @PathVariable long id, @RequestBody QuestionBody body) {
        return meetings.question(id, body.askedBy(), body.question(), auth.getName());
    }

    @PostMapping("/cases/{id}/votes")
    MeetingService.Meeting vote(Authentication auth, @PathVariable long id, @RequestBody VoteBody body) {
        return meetings.vote(id, body.decision(), auth.getName());
    }

    /** The open cases before the commissions the signed-in user sits on, by meeting date. */
    @GetMapping("/commissions/mine/cases")
    List<JdbcMeetingRepository.CommissionCase> myCommissionCases(Authentication auth,
                                                                 @RequestParam(defaultValue = "50") int limit,
                                                                 @RequestParam(defaultValue = "0") int offset) {
        return repo.openCasesOf(auth.getName(), limit(limit), Math.max(0, offset));
    }

    @GetMapping("/employees/{id}/account")
    AccountView account(@PathVariable long id) {
        return new AccountView(id, files.account(id).orElse(null));
    }

    @PutMapping("/employees/{id}/account")
    AccountView link(Authentication auth, @PathVariable long id, @RequestBody AccountBody body) {
        files.link(id, body.username(), auth.getName());
        return account(id);
    }

    @GetMapping("/me")
    OwnFileService.OwnFile mine(Authentication auth, @RequestParam(defaultValue = "20") int limit,
                                @RequestParam(defaultValue = "0") int offset) {
        return files.file(auth.getName(), limit(limit), Math.max(0, offset));
    }

    @PostMapping("/me/cases/{id}/profile/acknowledgement")
    ServiceProfile acknowledge(Authentication auth, @PathVariable long id, @RequestBody OwnAcknowledgementBody body) {
        return files.acknowledge(auth.getName(), id, Boolean.TRUE.equals(body.disagrees()), body.disagreement(),
                body.addedInformation());
    }

    @PostMapping("/me/cases/{id}/sheet/signature")
    OwnFileService.OwnCase signSheet(Authentication auth, @PathVariable long id) {
        return files.signSheet(auth.getName(), id);
    }

    /** The papers of the employee's own case ({@code profile}, {@code voting-list}, {@code minutes}, {@code sheet}). */
    @GetMapping("/me/cases/{id}/documents/{kind}.pdf")
    ResponseEntity<byte[]> document(Authentication auth, @PathVariable long id, @PathVariable String kind,
                                    @RequestParam(defaultValue = "ru") String lang) {
        files.requireOwn(auth.getName(), id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write(id, kind, lang, out);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("certification-" + id + "-" + kind + "-" + lang + ".pdf").build().toString())
                .body(out.toByteArray());
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST, "limit must be 1 to " + MAX_PAGE + ", got " + limit);
        }
        return limit;
    }
}
