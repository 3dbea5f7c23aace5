package kz.line102.callcenter.routing.web;

import static kz.line102.callcenter.app.RequestParams.integer;

import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletRequest;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.routing.RoutingService;
import kz.line102.callcenter.routing.RoutingService.DryRun;
import kz.line102.callcenter.routing.RuleSet;
import kz.line102.callcenter.routing.RuleSetVersion;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing rules: read, change (each change a new version), restore, dry-run, import,
 * audit. ADMIN only (every endpoint; the dry-run could later be opened to SUPERVISOR).
 * Bodies are read strictly: an unknown key is refused, since a misspelt condition would
 * otherwise silently match every call.
 */
@RestController
@RequestMapping("/api/v1/routing")
class RoutingController {

    private final RoutingService routing;
    private final ObjectReader ruleSetReader;
    private final ObjectReader changeReader;

    RoutingController(RoutingService routing, JsonMapper json) {
        this.routing = routing;
        this.ruleSetReader = json.readerFor(RuleSet.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.changeReader = json.readerFor(RuleSetChange.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** A change: the whole new rule set, why, and the version it was made against (optional; 409 if stale). */
    record RuleSetChange(RuleSet ruleSet, String comment, Integer baseVersion) {
    }

    @GetMapping("/rules")
    RuleSetVersion current() {
        return routing.current();
    }

    /** A saved version and the partial overlaps it holds (accepted, settled by order, and audited). */
    record Saved(@JsonUnwrapped RuleSetVersion saved, List<String> warnings) {
    }

    @PutMapping("/rules")
    Saved save(@RequestBody String body, HttpServletRequest request) {
        RuleSetChange change = read(changeReader, body);
        if (change.ruleSet() == null) {
            throw new InvalidRequestException("'ruleSet' is missing");
        }
        RuleSetVersion saved = routing.save(change.ruleSet(), actor(request), "save", change.comment(),
                change.baseVersion());
        return new Saved(saved, routing.warnings(saved.ruleSet()));
    }

    /**
     * Checks a rule set without saving it: the violations (empty when it would be accepted)
     * and the warnings (partial overlaps between rules with different targets).
     */
    @PostMapping("/validate")
    Map<String, List<String>> validate(@RequestBody String body) {
        RuleSet set = read(ruleSetReader, body);
        List<String> violations = routing.validate(set);
        return Map.of("violations", violations, "warnings", violations.isEmpty() ? routing.warnings(set) : List.of());
    }

    /** A rule set file as conf/routing-rules.json, saved as the next version. */
    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    RuleSetVersion importFile(@RequestBody String body, @RequestParam(required = false) String comment,
                              HttpServletRequest request) {
        return routing.save(read(ruleSetReader, body), actor(request), "import",
                comment == null ? "imported" : comment, null);
    }

    @GetMapping("/versions")
    List<RuleSetVersion> versions(@RequestParam(defaultValue = "50") String limit) {
        return routing.versions(integer("limit", limit, 1, 1000));
    }

    @GetMapping("/versions/{version}")
    RuleSetVersion version(@PathVariable String version) {
        return routing.version(integer("version", version, 1, Integer.MAX_VALUE));
    }

    @PostMapping("/versions/{version}/restore")
    @ResponseStatus(HttpStatus.CREATED)
    RuleSetVersion restore(@PathVariable String version, @RequestParam(required = false) String comment,
                           HttpServletRequest request) {
        return routing.restore(integer("version", version, 1, Integer.MAX_VALUE), actor(request), comment == null ? "restore of version " + version : comment);
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

    @GetMapping("/audit")
    List<Map<String, Object>> audit(@RequestParam(defaultValue = "100") String limit) {
        return routing.audit(integer("limit", limit, 1, 1000));
    }

    private static <T> T read(ObjectReader reader, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("the request body is empty");
        }
        try {
            return reader.readValue(body);
        } catch (JacksonException e) {
            throw InvalidRequestException.body("rule set", e);
        }
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


    /** Who made the change: the signed-in user (the API is behind Spring Security). */
    private static String actor(HttpServletRequest request) {
        Principal user = request.getUserPrincipal();
        return user == null ? "anonymous" : user.getName();
    }
}
