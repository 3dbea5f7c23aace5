package kz.line102.callcenter.incident.deadletter;

import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.jobs.IncidentJob;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/dead-letters}: IT staff's view of the jobs the incident flows gave up on. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

    private static final int MAX_LIMIT = 1000;

    private final DeadLetterService letters;

    DeadLetterController(DeadLetterService letters) {
        this.letters = letters;
    }

    record Page(List<DeadLetter> items) {
    }

    record Replayed(long jobId, String step, String target, UUID incidentId, String status) {
    }

    @GetMapping
    Page list(@RequestParam(required = false) String step, @RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        return new Page(letters.list(step == null || step.isBlank() ? null : step, limit));
    }

    @PostMapping("/{jobId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replayed replay(@PathVariable long jobId, Authentication who) {
        IncidentJob job = letters.replay(jobId, who.getName());
        // Pending is what the replay made it; its flow is woken at once and may be on it already.
        return new Replayed(job.id(), job.step(), job.target(), job.incidentId(), "pending");
    }
}
