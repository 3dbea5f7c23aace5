package kz.line102.callcenter.alert;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import kz.line102.callcenter.app.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
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

    private static final int MAX_TEXT = 200;
    private static final Duration DEFAULT_SEARCH = Duration.ofDays(7);
    private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final AlertService alerts;
    private final ZoneId zone;
    private final Clock clock;

    /** {@code zone}: the centre's, in which a date or a time without an offset is read. */
    AlertController(AlertService alerts, Clock clock,
                    @Value("${line102.callcenter.incidents.zone:Asia/Almaty}") String zone) {
        this.alerts = alerts;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
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

    /**
     * Acknowledged alerts (who, when, the comment), newest first, raised from {@code from}
     * (default: a week before {@code to}) until {@code to} (default: now). Each is a moment
     * with its offset, or a local date-time or a date in the centre's zone ({@code to} as a
     * date takes that whole day). {@code kind} is a kind or its family ({@code incident});
     * {@code q} a text in the title, the comment, who acknowledged or the detail.
     */
    @GetMapping("/acknowledged")
    List<Alert> acknowledged(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("'limit' must be between 1 and " + MAX_LIMIT);
        }
        Instant until = blank(to) ? Instant.now(clock) : moment("to", to, true);
        Instant since = blank(from) ? until.minus(DEFAULT_SEARCH) : moment("from", from, false);
        if (!since.isBefore(until) || Duration.between(since, until).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidRequestException("'from' must be before 'to' and at most " + MAX_WINDOW.toDays()
                    + " days before it", "problem.invalid-request.alert-range", List.of(MAX_WINDOW.toDays()));
        }
        String family = blank(kind) ? null : kind.strip();
        if (family != null && !KIND.matcher(family).matches()) {
            throw new InvalidRequestException("'kind' is not an alert kind: '" + family + "'",
                    "problem.invalid-request.alert-kind", List.of(family));
        }
        String text = blank(q) ? null : q.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidRequestException("'q' is longer than " + MAX_TEXT + " characters",
                    "problem.invalid-request.alert-text", List.of(MAX_TEXT));
        }
        return alerts.acknowledged(since, until, family, text, limit);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A moment with offset, or a local date-time or date in the centre's zone; {@code end}: a date means its end. */
    private Instant moment(String name, String value, boolean end) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(v, OffsetDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof OffsetDateTime at ? at.toInstant()
                    : ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidRequestException("'" + name + "' must be a date (2026-12-04), a local time"
                    + " (2026-12-04T08:00) or a moment with its offset, got '" + value + "'",
                    "problem.invalid-request.alert-time", List.of(name, value));
        }
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
