package kz.line102.callcenter.linehealth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.line102.callcenter.app.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/line-health}: targets with their state, each target's probes, the
 * incidents raised, the audit of changes. Supervisors read; IT staff (ADMIN) change
 * targets (see SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/v1/line-health")
class LineHealthController {

    private static final int MAX_LIMIT = 5000;
    private static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final LineHealthService service;
    private final TestCallService testCalls;

    LineHealthController(LineHealthService service, TestCallService testCalls) {
        this.service = service;
        this.testCalls = testCalls;
    }

    @GetMapping("/test-calls")
    List<TestCallRecord> testCalls(@RequestParam(defaultValue = "50") int limit) {
        return testCalls.recent(limit(limit));
    }

    @GetMapping("/test-calls/{id}")
    TestCallRecord testCall(@PathVariable UUID id) {
        return testCalls.find(id).orElseThrow(() -> new NoSuchTestCallException(id));
    }

    /** Places a test call now; 202 with its record, which fills in as the call goes (poll it). */
    @PostMapping("/test-calls")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TestCallRecord placeTestCall(Authentication auth) {
        return testCalls.onDemand(auth.getName());
    }

    @GetMapping("/targets")
    List<Target> targets() {
        return service.all();
    }

    @GetMapping("/targets/{id}")
    Target target(@PathVariable long id) {
        return service.get(id);
    }

    @PostMapping("/targets")
    @ResponseStatus(HttpStatus.CREATED)
    Target create(Authentication auth, @RequestBody(required = false) TargetRequest body) {
        return service.create(body, auth.getName());
    }

    @PutMapping("/targets/{id}")
    Target update(Authentication auth, @PathVariable long id, @RequestBody(required = false) TargetRequest body) {
        if (body == null) {
            throw new InvalidRequestException("a target is required");
        }
        return service.update(id, body, auth.getName());
    }

    @DeleteMapping("/targets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Authentication auth, @PathVariable long id) {
        service.delete(id, auth.getName());
    }

    /** The time series, newest first; {@code failures} true leaves out the good probes. */
    @GetMapping("/targets/{id}/probes")
    List<JdbcTargetRepository.Probe> probes(@PathVariable long id, @RequestParam(defaultValue = "PT1H") String within,
                                            @RequestParam(defaultValue = "false") boolean failures,
                                            @RequestParam(defaultValue = "500") int limit) {
        return service.probes(id, window(within), failures, limit(limit));
    }

    @GetMapping("/incidents")
    List<JdbcAlarmRepository.Alarm> incidents(@RequestParam(defaultValue = "P7D") String within,
                                              @RequestParam(defaultValue = "200") int limit) {
        return service.incidents(window(within), limit(limit));
    }

    @GetMapping("/audit")
    List<Map<String, Object>> audit(@RequestParam(defaultValue = "200") int limit) {
        return service.audit(limit(limit));
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("'limit' must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    static Duration window(String within) {
        Duration window;
        try {
            window = Duration.parse(within);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("'within' must be an ISO-8601 duration such as PT1H or P7D, got '"
                    + within + "'");
        }
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidRequestException("'within' must be positive and at most " + MAX_WINDOW.toDays() + " days");
        }
        return window;
    }
}
