package kz.line102.callcenter.routing.web;

import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletRequest;
import kz.line102.callcenter.app.FieldProblem;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.app.ProblemTexts;
import kz.line102.callcenter.routing.RoutingService;
import kz.line102.callcenter.routing.RoutingService.DryRun;
import kz.line102.callcenter.routing.RuleSet;
import kz.line102.callcenter.settings.SettingController;
import kz.line102.callcenter.settings.SettingSpec;
import kz.line102.callcenter.settings.SettingVersion;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing rules: read, change (each change a new version), validate, dry-run, import;
 * versions, restore and audit are every versioned setting's ({@link SettingController}).
 * ADMIN only (every endpoint; the dry-run could later be opened to SUPERVISOR). Bodies are
 * read strictly: an unknown key is refused, since a misspelt condition would otherwise
 * silently match every call.
 */
@RestController
@RequestMapping("/api/v1/routing")
class RoutingController extends SettingController<RuleSet> {

    private final RoutingService routing;

    RoutingController(RoutingService routing, JsonMapper json) {
        super(routing.rules(), json);
        this.routing = routing;
    }

    @GetMapping("/rules")
    SettingVersion<RuleSet> current() {
        return routing.current();
    }

    /**
     * A saved version and the partial overlaps it holds (accepted, settled by order, and audited),
     * each at its rule: field, code, args and the text in the request's language.
     */
    record Saved(@JsonUnwrapped SettingVersion<RuleSet> saved, List<Map<String, Object>> warnings) {
    }

    /** The whole new rule set, why, and the version it was made to (optional; 409 if stale). */
    @PutMapping("/rules")
    Saved save(@RequestBody(required = false) String body, Principal user, HttpServletRequest request) {
        SettingChange<RuleSet> change = readChange(body);
        SettingVersion<RuleSet> saved = routing.save(change.payload(), actor(user), "save", change.comment(),
                change.baseVersion());
        return new Saved(saved, ProblemTexts.fields(routing.warnings(saved.payload()), ProblemTexts.locale(request)));
    }

    /**
     * Checks a rule set without saving it: the errors (empty when it would be accepted) and the
     * warnings (partial overlaps between rules with different targets), each with its field, code,
     * args and the text in the request's language; {@code violations} repeats the errors in English
     * for API clients and logs.
     */
    @PostMapping("/validate")
    Map<String, List<?>> validate(@RequestBody(required = false) String body, HttpServletRequest request) {
        RuleSet set = readSetting(body);
        List<FieldProblem> errors = routing.validate(set);
        Locale locale = ProblemTexts.locale(request);
        return Map.of("violations", errors.stream().map(SettingSpec::sentence).toList(),
                "errors", ProblemTexts.fields(errors, locale),
                "warnings", errors.isEmpty() ? ProblemTexts.fields(routing.warnings(set), locale) : List.of());
    }

    /** A rule set file as conf/routing-rules.json, saved as the next version. */
    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    SettingVersion<RuleSet> importFile(@RequestBody(required = false) String body,
                                       @RequestParam(required = false) String comment, Principal user) {
        return routing.save(readSetting(body), actor(user), "import", comment == null ? "imported" : comment, null);
    }

    /** Which queue and priority this number would get (now, or at {@code at}), and by which rule. */
    @GetMapping("/dry-run")
    DryRun dryRun(@RequestParam(required = false) String number, @RequestParam(required = false) String language,
                  @RequestParam(required = false) String at) {
        if (number == null) {
            throw new InvalidRequestException("'number' is missing (send it empty for a withheld number)");
        }
        return routing.dryRun(number, language, instant(at));
    }

    private static Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'at' must be a date-time with offset, e.g. 2026-11-24T23:30:00+05:00");
        }
    }
}
