package kz.line102.callcenter.linehealth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.linehealth.TargetSet.TargetSpec;
import kz.line102.callcenter.settings.SettingVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The targets as the probing nodes see them (the rows of the target set in force, with
 * their state), and changes of one target at a time: each is a new version of the whole
 * target set ({@link TargetSetService}), so it is versioned, audited and put in force on
 * every node like a change of the set made on the page.
 */
@Service
class LineHealthService {

    private static final Logger log = LoggerFactory.getLogger(LineHealthService.class);

    private final JdbcTargetRepository targets;
    private final JdbcAlarmRepository incidents;
    private final LineHealthProperties props;
    private final TargetSetService targetSet;
    private final Clock clock;

    LineHealthService(JdbcTargetRepository targets, JdbcAlarmRepository incidents, LineHealthProperties props,
                      TargetSetService targetSet, Clock clock) {
        this.targets = targets;
        this.incidents = incidents;
        this.props = props;
        this.targetSet = targetSet;
        this.clock = clock;
    }

    List<Target> all() {
        return targets.all();
    }

    Target get(long id) {
        return targets.find(id).orElseThrow(() -> new NoSuchTargetException(id));
    }

    Target create(TargetRequest request, String actor) {
        SettingVersion<TargetSet> base = newest();
        validate(request, base.payload(), null);
        TargetSpec spec = TargetSpec.of(request, null);
        save(base, base.payload().with(spec.name(), spec), actor, "added target " + spec.name());
        log.info("line-health target {} added by {}", spec.name(), actor);
        return byName(spec.name());
    }

    Target update(long id, TargetRequest request, String actor) {
        Target before = get(id);
        if (request.version() == null) {
            throw new InvalidRequestException("'version' is required: the version you read");
        }
        if (request.version() != before.version()) {
            throw new ConflictException(ProblemCodes.STALE_LINE_HEALTH_TARGET, "target " + id + " is at version "
                    + before.version() + ", not " + request.version() + ": reload it and apply the change again");
        }
        SettingVersion<TargetSet> base = newest();
        validate(request, base.payload(), before.name());
        TargetSpec spec = TargetSpec.of(request, base.payload().target(before.name()).orElse(null));
        TargetSet next = base.payload().without(before.name()).with(spec.name(), spec);
        save(base, next, actor, "changed target " + before.name());
        return byName(spec.name());
    }

    void delete(long id, String actor) {
        Target t = get(id);
        SettingVersion<TargetSet> base = newest();
        save(base, base.payload().without(t.name()), actor, "removed target " + t.name());
        log.info("line-health target {} removed by {}", t.name(), actor);
    }

    List<JdbcTargetRepository.Probe> probes(long id, Duration within, boolean failuresOnly, int limit) {
        get(id);
        return targets.probes(id, clock.instant().minus(within), failuresOnly, limit);
    }

    List<JdbcAlarmRepository.Alarm> incidents(Duration within, int limit) {
        return incidents.recent(clock.instant().minus(within), limit);
    }

    List<Map<String, Object>> audit(int limit) {
        return targetSet.setting().audit(limit);
    }

    /** The newest version, even if this node has not heard of it yet: a change of one target is made to it. */
    private SettingVersion<TargetSet> newest() {
        targetSet.setting().reloadIfNewer();
        return targetSet.current();
    }

    private void save(SettingVersion<TargetSet> base, TargetSet next, String actor, String comment) {
        targetSet.save(next, actor, comment, base.version());
    }

    private Target byName(String name) {
        return targets.all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("target " + name + " saved but not applied"));
    }

    private void validate(TargetRequest request, TargetSet set, String renaming) {
        List<String> problems = request == null ? List.of("a target is required") : request.problems(props);
        if (problems.isEmpty() && !request.normalName().equals(renaming)
                && set.target(request.normalName()).isPresent()) {
            problems = List.of("a target named '" + request.normalName() + "' exists already");
        }
        if (!problems.isEmpty()) {
            log.info("line-health target change refused: {}", problems);
            throw new InvalidRequestException(String.join("; ", problems));
        }
    }
}
