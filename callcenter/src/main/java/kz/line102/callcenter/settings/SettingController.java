package kz.line102.callcenter.settings;

import static kz.line102.callcenter.app.RequestParams.integer;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.line102.callcenter.app.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The endpoints every versioned setting has, under the subclass's {@code @RequestMapping}:
 * {@code GET versions}, {@code GET versions/{version}}, {@code POST versions/{version}/restore}
 * (201) and {@code GET audit}; and the strict reading of a setting or a change for the
 * subclass's own read, save and validate endpoints. Bodies are read strictly: an unknown
 * key is refused, since a misspelt one would otherwise be silently ignored. A subclass is
 * a {@code @RestController} with a {@code @RequestMapping} and a constructor.
 */
@ResponseBody
public abstract class SettingController<T> {

    private static final String COMMENT = "comment";
    private static final String BASE = "baseVersion";

    private final VersionedSetting<T> setting;
    private final SettingSpec<T> spec;
    private final ObjectReader payloadReader;
    private final ObjectReader treeReader;

    protected SettingController(VersionedSetting<T> setting, JsonMapper json) {
        this.setting = setting;
        this.spec = setting.spec();
        this.payloadReader = json.readerFor(spec.type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.treeReader = json.readerFor(JsonNode.class);
    }

    /** A change: the whole new setting, why, and the version it was made to (optional; 409 if stale). */
    public record SettingChange<T>(T payload, String comment, Integer baseVersion) {
    }

    @GetMapping("/versions")
    public List<SettingVersion<T>> versions(@RequestParam(defaultValue = "50") String limit) {
        return setting.versions(integer("limit", limit, 1, 1000));
    }

    @GetMapping("/versions/{version}")
    public SettingVersion<T> version(@PathVariable String version) {
        return setting.version(integer("version", version, 1, Integer.MAX_VALUE));
    }

    @PostMapping("/versions/{version}/restore")
    @ResponseStatus(HttpStatus.CREATED)
    public SettingVersion<T> restore(@PathVariable String version, @RequestParam(required = false) String comment,
                                     Principal user) {
        return setting.restore(integer("version", version, 1, Integer.MAX_VALUE), actor(user),
                comment == null ? "restore of version " + version : comment);
    }

    @GetMapping("/audit")
    public List<Map<String, Object>> audit(@RequestParam(defaultValue = "100") String limit) {
        return setting.audit(integer("limit", limit, 1, 1000));
    }

    /** A body that is the setting itself (validate, import). */
    protected T readSetting(String body) {
        T value;
        try {
            value = payloadReader.readValue(nonEmpty(body));
        } catch (JacksonException e) {
            throw InvalidRequestException.body(spec.title, e);
        }
        if (value == null) {
            throw new InvalidRequestException("the body is not a valid " + spec.title + ": it is null",
                    "problem.invalid-request.json", List.of());
        }
        return value;
    }

    /**
     * A body {@code {"<payloadKey>": {...}, "comment": "...", "baseVersion": n}}; the setting is
     * required, the rest optional.
     */
    protected SettingChange<T> readChange(String body) {
        JsonNode change;
        try {
            change = treeReader.readValue(nonEmpty(body));
        } catch (JacksonException e) {
            throw InvalidRequestException.body(spec.title, e);
        }
        if (!change.isObject()) {
            throw invalid("a change is an object {\"" + spec.payloadKey + "\": ..., \"comment\": ..., "
                    + "\"baseVersion\": ...}");
        }
        Set<String> known = Set.of(spec.payloadKey, COMMENT, BASE);
        for (String key : change.propertyNames()) {
            if (!known.contains(key)) {
                throw invalid("unknown key '" + key + "' (known: " + spec.payloadKey + ", comment, baseVersion)");
            }
        }
        JsonNode payload = change.get(spec.payloadKey);
        if (payload == null || payload.isNull()) {
            throw new InvalidRequestException("'" + spec.payloadKey + "' is missing");
        }
        JsonNode comment = change.get(COMMENT);
        JsonNode base = change.get(BASE);
        if (comment != null && !comment.isNull() && !comment.isString()) {
            throw invalid("'comment' must be text");
        }
        if (base != null && !base.isNull() && !base.canConvertToInt()) {
            throw invalid("'baseVersion' must be a whole number");
        }
        try {
            return new SettingChange<>(payloadReader.readValue(payload),
                    comment == null || comment.isNull() ? null : comment.asString(),
                    base == null || base.isNull() ? null : base.asInt());
        } catch (JacksonException e) {
            throw InvalidRequestException.body(spec.title, e);
        }
    }

    /** Who made the change: the signed-in user (the APIs are behind Spring Security). */
    protected static String actor(Principal user) {
        return user == null ? "anonymous" : user.getName();
    }

    private static String nonEmpty(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("the request body is empty");
        }
        return body;
    }

    private InvalidRequestException invalid(String why) {
        return new InvalidRequestException("the body is not a valid " + spec.title + ": " + why);
    }
}
