package kz.line102.callcenter.alert;

import java.time.Duration;
import java.util.List;

import kz.line102.callcenter.app.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts for the duty officer: listed and acknowledged by supervisors (IT staff read
 * them too, and send a dead outbound delivery again).
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private static final int MAX_LIMIT = 1000;
    private static final int MAX_COMMENT = 2000;
    private static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    record Acknowledgement(String comment) {
    }

    /** {@code state} is {@code open} (the default) or {@code all}; {@code within} an ISO-8601 duration. */
    @GetMapping
    List<Alert> list(@RequestParam(defaultValue = "open") String state,
                     @RequestParam(defaultValue = "P1D") String within,
                     @RequestParam(defaultValue = "200") int limit) {
        if (!state.equals("open") && !state.equals("all")) {
            throw new InvalidRequestException("'state' must be 'open' or 'all', got '" + state + "'");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("'limit' must be between 1 and " + MAX_LIMIT);
        }
        Duration window;
        try {
            window = Duration.parse(within);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("'within' must be an ISO-8601 duration such as PT8H or P1D, got '"
                    + within + "'");
        }
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidRequestException("'within' must be positive and at most " + MAX_WINDOW.toDays() + " days");
        }
        return alerts.list(state.equals("open"), window, limit);
    }

    @GetMapping("/{id}")
    Alert get(@PathVariable long id) {
        return alerts.get(id);
    }

    @PostMapping("/{id}/acknowledgement")
    Alert acknowledge(Authentication auth, @PathVariable long id,
                      @RequestBody(required = false) Acknowledgement body) {
        String comment = body == null || body.comment() == null || body.comment().isBlank() ? null
                : body.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidRequestException("'comment' is longer than " + MAX_COMMENT + " characters");
        }
        return alerts.acknowledge(id, auth.getName(), comment);
    }

    @PostMapping("/{id}/outbound/resend")
    Alert resend(Authentication auth, @PathVariable long id) {
        return alerts.resend(id, auth.getName());
    }
}
