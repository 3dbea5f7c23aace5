package kz.line102.callcenter.queue;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import kz.line102.callcenter.app.ProblemTexts;
import kz.line102.callcenter.settings.SettingController;
import kz.line102.callcenter.settings.SettingProblem;
import kz.line102.callcenter.settings.SettingSpec;
import kz.line102.callcenter.settings.SettingVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue configuration (ADMIN): read, change, validate; versions, restore and audit are
 * every versioned setting's ({@link SettingController}).
 */
@RestController
@RequestMapping("/api/v1/queues/config")
class QueueConfigController extends SettingController<QueueConfig> {

    private final QueueConfigService config;

    QueueConfigController(QueueConfigService config, JsonMapper json) {
        super(config.setting(), json);
        this.config = config;
    }

    @GetMapping
    SettingVersion<QueueConfig> current() {
        return config.current();
    }

    /** The whole new configuration, why, and the version it was made to (optional; 409 if stale). */
    @PutMapping
    SettingVersion<QueueConfig> save(@RequestBody(required = false) String body, Principal user) {
        SettingChange<QueueConfig> change = readChange(body);
        return config.save(change.payload(), actor(user), change.comment(), change.baseVersion());
    }

    /**
     * Checks a configuration without saving it: the errors (empty when it would be accepted), each
     * with its field, code, args and the text in the request's language; {@code violations} repeats
     * them in English for API clients and logs.
     */
    @PostMapping("/validate")
    Map<String, List<?>> validate(@RequestBody(required = false) String body, HttpServletRequest request) {
        List<SettingProblem> errors = config.check(readSetting(body));
        return Map.of("violations", errors.stream().map(SettingSpec::sentence).toList(),
                "errors", ProblemTexts.fields(errors, ProblemTexts.locale(request)));
    }
}
