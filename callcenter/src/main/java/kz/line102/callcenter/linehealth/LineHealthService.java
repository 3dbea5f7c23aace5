package kz.line102.callcenter.linehealth;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.app.JdbcAuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The targets as IT staff manage them: created, changed (with the version they read)
 * and deleted, each attempt written to {@code line_health_audit}, refused ones
 * included. The probing node picks a change up at once on this node, within a third
 * of the lease on the others.
 */
@Service
class LineHealthService {

    private static final Logger log = LoggerFactory.getLogger(LineHealthService.class);

    private final JdbcTargetRepository targets;
    private final JdbcAlarmRepository incidents;
    private final LineHealthAlarms alarms;
    private final LineHealthProperties props;
    private final JdbcAuditTrail audit;
    private final ObjectProvider<ProbeScheduler> scheduler;
    private final Clock clock;

    LineHealthService(JdbcTargetRepository targets, JdbcAlarmRepository incidents, LineHealthAlarms alarms,
                      LineHealthProperties props, JdbcTemplate jdbc, JsonMapper json,
                      ObjectProvider<ProbeScheduler> scheduler, Clock clock) {
        this.targets = targets;
        this.incidents = incidents;
        this.alarms = alarms;
        this.props = props;
        this.audit = new JdbcAuditTrail(jdbc, json, "line_health_audit");
        this.scheduler = scheduler;
        this.clock = clock;
    }

    List<Target> all() {
        return targets.all();
    }

    Target get(long id) {
        return targets.find(id).orElseThrow(() -> new NoSuchTargetException(id));
    }

    Target create(TargetRequest request, String actor) {
        validate(request, 0, actor, "create");
        Target t = targets.insert(request);
        audit.append(actor, "create", t.version(), describe(t));
        log.info("line-health target {} ({}) created by {}", t.name(), t.peer(), actor);
        changed();
        return t;
    }

    Target update(long id, TargetRequest request, String actor) {
        Target before = get(id);
        if (request.version() == null) {
            refuse(actor, "update", id, List.of("'version' is required: the version you read"));
        }
        validate(request, id, actor, "update");
        Optional<Target> after = targets.update(id, request.version(), request);
        if (after.isEmpty()) {
            audit.append(actor, "rejected", before.version(), Map.of("target", id, "action", "update",
                    "problems", List.of("stale version " + request.version())));
            throw new ConflictException("stale-line-health-target", "target " + id + " is at version "
                    + get(id).version() + ", not " + request.version() + ": reload it and apply the change again");
        }
        Target t = after.get();
        audit.append(actor, "update", t.version(), Map.of("before", describe(before), "after", describe(t)));
        log.info("line-health target {} changed by {} (version {})", t.name(), actor, t.version());
        if (!t.enabled()) {
            alarms.targetBack(t, "probing disabled by " + actor);
        }
        changed();
        return t;
    }

    void delete(long id, String actor) {
        Target t = get(id);
        if (!targets.delete(id)) {
            throw new NoSuchTargetException(id);
        }
        audit.append(actor, "delete", t.version(), describe(t));
        log.info("line-health target {} deleted by {}", t.name(), actor);
        alarms.targetBack(t, "target deleted by " + actor);
        changed();
    }

    List<JdbcTargetRepository.Probe> probes(long id, Duration within, boolean failuresOnly, int limit) {
        get(id);
        return targets.probes(id, clock.instant().minus(within), failuresOnly, limit);
    }

    List<JdbcAlarmRepository.Alarm> incidents(Duration within, int limit) {
        return incidents.recent(clock.instant().minus(within), limit);
    }

    List<Map<String, Object>> audit(int limit) {
        return audit.read(limit);
    }

    private void validate(TargetRequest request, long id, String actor, String action) {
        List<String> problems = request == null ? List.of("a target is required") : request.problems(props);
        if (problems.isEmpty() && targets.nameTaken(request.normalName(), id)) {
            problems = List.of("a target named '" + request.normalName() + "' exists already");
        }
        if (!problems.isEmpty()) {
            refuse(actor, action, id, problems);
        }
    }

    private void refuse(String actor, String action, long id, List<String> problems) {
        audit.append(actor, "rejected", null, Map.of("target", id, "action", action, "problems", problems));
        log.info("line-health target {} by {} refused: {}", action, actor, problems);
        throw new InvalidRequestException(String.join("; ", problems));
    }

    private void changed() {
        ProbeScheduler s = scheduler.getIfAvailable();
        if (s != null) {
            s.refresh();
        }
    }

    private static Map<String, Object> describe(Target t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", t.id());
        d.put("name", t.name());
        d.put("host", t.host());
        d.put("port", t.port());
        d.put("transport", t.transport());
        d.put("intervalMs", t.intervalMs());
        d.put("timeoutMs", t.timeoutMs());
        d.put("expectedCodes", t.expectedCodes());
        d.put("enabled", t.enabled());
        return d;
    }
}
