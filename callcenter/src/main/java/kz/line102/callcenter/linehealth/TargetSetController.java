package kz.line102.callcenter.linehealth;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import kz.line102.callcenter.settings.SettingController;
import kz.line102.callcenter.settings.SettingVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/line-health/target-set}: the targets and the test-call schedule as one
 * versioned setting — read (with the configuration's defaults for what a target leaves
 * empty), saved whole against the version it was made to (409 when stale), validated
 * field by field; versions, restore and audit are every versioned setting's
 * ({@link SettingController}). Supervisors read; IT staff (ADMIN) change.
 */
@RestController
@RequestMapping("/api/v1/line-health/target-set")
class TargetSetController extends SettingController<TargetSet> {

    private final TargetSetService targetSet;
    private final LineHealthProperties props;

    TargetSetController(TargetSetService targetSet, LineHealthProperties props, JsonMapper json) {
        super(targetSet.setting(), json);
        this.targetSet = targetSet;
        this.props = props;
    }

    /** What a target or the schedule left empty follows. */
    record Defaults(int failuresToDown, int successesToUp, int degradedWindow, long slowRttMs, long minIntervalMs,
                    TargetSet.TestCallSchedule testCalls, String zone) {
    }

    record Current(@JsonUnwrapped SettingVersion<TargetSet> current, Defaults defaults) {
    }

    @GetMapping
    Current current() {
        LineHealthProperties.TestCall t = props.testCall();
        TargetSet.TestCallSchedule configured = new TargetSet.TestCallSchedule((int) t.interval().toSeconds(), null,
                null, (int) t.eventsBudget().toMillis(), (int) t.callRecordBudget().toMillis(),
                (int) t.routingBudget().toMillis(), (int) t.recordingBudget().toMillis());
        return new Current(targetSet.current(), new Defaults(props.failuresToDown(), props.successesToUp(),
                props.window(), props.slowRtt().toMillis(), props.minInterval().toMillis(), configured,
                props.zone().getId()));
    }

    /** The whole new set, why, and the version it was made to (optional; 409 if stale). */
    @PutMapping
    SettingVersion<TargetSet> save(@RequestBody(required = false) String body, Principal user) {
        SettingChange<TargetSet> change = readChange(body);
        return targetSet.save(change.payload(), actor(user), change.comment(), change.baseVersion());
    }

    /** Checks a set without saving it: the violations, and field by field for the form. */
    @PostMapping("/validate")
    Map<String, List<?>> validate(@RequestBody(required = false) String body) {
        TargetSet set = readSetting(body);
        List<TargetSetValidator.Violation> errors = targetSet.check(set);
        return Map.of("violations", errors.stream().map(v -> v.field() + ": " + v.message()).toList(),
                "errors", errors);
    }
}
