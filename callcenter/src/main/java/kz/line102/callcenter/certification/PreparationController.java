package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The preparation under {@code /api/v1/certification}: the six-monthly lists (personnel draw
 * and date them, the head, SUPERVISOR, approves), the written notices, each case's calendar
 * and the overdue deadlines. The URL table in {@code security} says who may do what.
 */
@RestController
@RequestMapping("/api/v1/certification")
class PreparationController {

    private static final int MAX_PAGE = 500;

    private final ListService lists;
    private final CalendarService calendar;
    private final ProfileService profiles;
    private final OwnFileService files;

    PreparationController(ListService lists, CalendarService calendar, ProfileService profiles, OwnFileService files) {
        this.lists = lists;
        this.calendar = calendar;
        this.profiles = profiles;
        this.files = files;
    }

    record ProfileBody(java.util.Map<String, String> sections, Integer baseVersion) {
    }

    record SignBody(Integer version) {
    }

    record AcknowledgementBody(Boolean disagrees, String disagreement, String addedInformation, LocalDate on) {
    }

    @GetMapping("/cases/{id}/profile")
    ServiceProfile profile(@PathVariable long id) {
        return profiles.profile(id);
    }

    @PutMapping("/cases/{id}/profile")
    ServiceProfile writeProfile(Authentication auth, @PathVariable long id, @RequestBody ProfileBody body) {
        return profiles.write(id, body.sections(), body.baseVersion(), auth.getName());
    }

    @PostMapping("/cases/{id}/profile/signature")
    ServiceProfile signProfile(Authentication auth, @PathVariable long id, @RequestBody SignBody body) {
        return profiles.sign(id, body.version(), auth.getName());
    }

    @PostMapping("/cases/{id}/profile/acknowledgement")
    ServiceProfile acknowledge(Authentication auth, @PathVariable long id, @RequestBody AcknowledgementBody body) {
        return files.acknowledgeOnPaper(id, Boolean.TRUE.equals(body.disagrees()), body.disagreement(),
                body.addedInformation(), body.on(), auth.getName());
    }

    record DrawBody(LocalDate from) {
    }

    record ItemBody(Long employeeId) {
    }

    record MeetingBody(LocalDate meetingOn, Long commissionId, Set<Long> employeeIds) {
    }

    record NoticeBody(Set<Long> employeeIds, LocalDate on) {
    }

    record DoneBody(LocalDate on) {
    }

    @GetMapping("/lists")
    List<CertificationList> lists(@RequestParam(defaultValue = "20") int limit,
                                  @RequestParam(defaultValue = "0") int offset) {
        return lists.lists(limit(limit), Math.max(0, offset));
    }

    @PostMapping("/lists")
    ResponseEntity<CertificationList> draw(Authentication auth, @RequestBody(required = false) DrawBody body) {
        return ResponseEntity.status(201).body(lists.draw(body == null ? null : body.from(), auth.getName()));
    }

    @GetMapping("/lists/{id}")
    CertificationList list(@PathVariable long id) {
        return lists.list(id);
    }

    @GetMapping("/lists/{id}/items")
    List<ListItem> items(@PathVariable long id, @RequestParam(defaultValue = "false") boolean withoutDate,
                         @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return lists.items(id, withoutDate, limit(limit), Math.max(0, offset));
    }

    @PostMapping("/lists/{id}/items")
    CertificationList add(Authentication auth, @PathVariable long id, @RequestBody ItemBody body) {
        if (body.employeeId() == null) {
            throw CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST, "name the employee to add");
        }
        return lists.add(id, body.employeeId(), auth.getName());
    }

    @DeleteMapping("/lists/{id}/items/{employeeId}")
    CertificationList remove(Authentication auth, @PathVariable long id, @PathVariable long employeeId) {
        return lists.remove(id, employeeId, auth.getName());
    }

    @PostMapping("/lists/{id}/meetings")
    CertificationList meeting(Authentication auth, @PathVariable long id, @RequestBody MeetingBody body) {
        return lists.setMeeting(id, body.meetingOn(), body.commissionId(), body.employeeIds(), auth.getName());
    }

    @PostMapping("/lists/{id}/approval")
    CertificationList approve(Authentication auth, @PathVariable long id) {
        return lists.approve(id, auth.getName());
    }

    @PostMapping("/lists/{id}/versions")
    ResponseEntity<CertificationList> newVersion(Authentication auth, @PathVariable long id) {
        return ResponseEntity.status(201).body(lists.newVersion(id, auth.getName()));
    }

    record Delivered(int recorded) {
    }

    @PostMapping("/lists/{id}/notices")
    Delivered notices(Authentication auth, @PathVariable long id, @RequestBody NoticeBody body) {
        return new Delivered(lists.delivered(id, body.employeeIds(), body.on(), auth.getName()));
    }

    @GetMapping("/cases/{id}/calendar")
    List<Deadline> calendar(@PathVariable long id) {
        return calendar.calendar(id);
    }

    @PutMapping("/cases/{id}/meeting")
    List<Deadline> caseMeeting(Authentication auth, @PathVariable long id, @RequestBody MeetingBody body) {
        return calendar.setMeeting(id, body.meetingOn(), auth.getName());
    }

    @PostMapping("/cases/{id}/deadlines/{kind}/done")
    List<Deadline> done(Authentication auth, @PathVariable long id, @PathVariable String kind,
                        @RequestBody(required = false) DoneBody body) {
        return calendar.done(id, kind, body == null ? null : body.on(), auth.getName());
    }

    @GetMapping("/deadlines/overdue")
    List<JdbcDeadlineRepository.Overdue> overdue(@RequestParam(defaultValue = "100") int limit,
                                                 @RequestParam(defaultValue = "0") int offset) {
        return calendar.overdue(limit(limit), Math.max(0, offset));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw CertificationProblem.invalid(ProblemCodes.INVALID_REQUEST, "limit must be 1 to " + MAX_PAGE + ", got " + limit);
        }
        return limit;
    }
}
