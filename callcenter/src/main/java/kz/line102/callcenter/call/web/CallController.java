package kz.line102.callcenter.call.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.call.CallOutcome;
import kz.line102.callcenter.call.CallQuery;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.call.NoSuchCallException;
import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calls")
class CallController {

    private static final int MAX_SIZE = 200;

    private final JdbcCallRepository calls;
    private final PhoneNumbers numbers;

    CallController(JdbcCallRepository calls, PhoneNumbers numbers) {
        this.calls = calls;
        this.numbers = numbers;
    }

    @GetMapping
    CallPage search(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String number, @RequestParam(required = false) String outcome,
                    @RequestParam(required = false) String operator, @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "50") String size,
                    @RequestParam(defaultValue = "false") String testCalls) {
        int p = integer("page", page, 0, 1_000_000);
        int s = integer("size", size, 1, MAX_SIZE);
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (f != null && t != null && !f.isBefore(t)) {
            throw new InvalidRequestException("'from' must be before 'to'");
        }
        CallOutcome o = null;
        boolean inProgress = false;
        if (outcome != null && !outcome.isBlank()) {
            inProgress = CallView.IN_PROGRESS.equals(outcome);
            if (!inProgress) {
                o = CallOutcome.fromCode(outcome).orElseThrow(() -> new InvalidRequestException(
                        "unknown outcome '" + outcome + "': answered, abandoned, timed-out, failed or in-progress"));
            }
        }
        String raw = null;
        String e164 = null;
        if (number != null && !number.isBlank()) {
            NormalizedNumber n = numbers.normalize(number);
            raw = number.trim();
            e164 = n.e164();
        }
        List<CallRecord> found = calls.search(new CallQuery(f, t, raw, e164, o, inProgress,
                operator == null || operator.isBlank() ? null : operator.trim(), p, s, bool("testCalls", testCalls)));
        boolean more = found.size() > s;
        List<CallView> items = found.stream().limit(s).map(r -> CallView.of(r, null)).toList();
        return new CallPage(items, p, s, more);
    }

    @GetMapping("/{id}")
    CallView one(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NoSuchCallException(id);
        }
        CallRecord record = calls.find(uuid).orElseThrow(() -> new NoSuchCallException(id));
        return CallView.of(record, calls.events(uuid));
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new InvalidRequestException("'" + name + "' must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("'" + name + "' must be a whole number, not '" + value + "'");
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException("'" + name + "' must be true or false, not '" + value + "'");
        };
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + name + "' must be an ISO-8601 instant such as "
                    + "2026-11-24T08:00:00Z, not '" + value + "'");
        }
    }
}
