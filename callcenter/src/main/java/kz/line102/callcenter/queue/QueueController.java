package kz.line102.callcenter.queue;

import static kz.line102.callcenter.app.RequestParams.integer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.cti.QueueControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
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
 * The queue configuration (ADMIN): read, change, validate, versions, restore, audit and
 * the rendered queues.conf; and the live queues (SUPERVISOR, ADMIN) for the wallboard.
 * Bodies are read strictly: an unknown key is refused rather than ignored.
 */
@RestController
@RequestMapping("/api/v1/queues")
class QueueController {

    private final QueueConfigService config;
    private final QueueSnapshots snapshots;
    private final QueueLoad load;
    private final ObjectReader configReader;
    private final ObjectReader changeReader;

    QueueController(QueueConfigService config, QueueSnapshots snapshots, QueueLoad load, JsonMapper json) {
        this.config = config;
        this.snapshots = snapshots;
        this.load = load;
        this.configReader = json.readerFor(QueueConfig.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.changeReader = json.readerFor(ConfigChange.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** A change: the whole new configuration, why, and the version it was made against (optional; 409 if stale). */
    record ConfigChange(QueueConfig config, String comment, Integer baseVersion) {
    }

    @GetMapping("/config")
    QueueConfigVersion current() {
        return config.current();
    }

    @PutMapping("/config")
    QueueConfigVersion save(@RequestBody(required = false) String body, Authentication auth) {
        ConfigChange change = read(changeReader, body);
        if (change.config() == null) {
            throw new InvalidRequestException("'config' is missing");
        }
        return config.save(change.config(), auth.getName(), change.comment(), change.baseVersion());
    }

    @PostMapping("/config/validate")
    Map<String, List<String>> validate(@RequestBody(required = false) String body) {
        return Map.of("violations", config.validate(read(configReader, body)));
    }

    @GetMapping("/config/versions")
    List<QueueConfigVersion> versions(@RequestParam(defaultValue = "50") String limit) {
        return config.versions(integer("limit", limit, 1, 1000));
    }

    @GetMapping("/config/versions/{version}")
    QueueConfigVersion version(@PathVariable String version) {
        return config.version(integer("version", version, 1, Integer.MAX_VALUE));
    }

    @PostMapping("/config/versions/{version}/restore")
    @ResponseStatus(HttpStatus.CREATED)
    QueueConfigVersion restore(@PathVariable String version, @RequestParam(required = false) String comment,
                               Authentication auth) {
        return config.restore(integer("version", version, 1, Integer.MAX_VALUE), auth.getName(),
                comment == null ? "restore of version " + version : comment);
    }

    @GetMapping("/config/audit")
    List<Map<String, Object>> audit(@RequestParam(defaultValue = "100") String limit) {
        return config.audit(integer("limit", limit, 1, 1000));
    }

    /** The configuration as app_queue's queues.conf, to put on the PBX (then {@code module reload app_queue.so}). */
    @GetMapping(value = "/queues.conf", produces = MediaType.TEXT_PLAIN_VALUE)
    String queuesConf() {
        return config.queuesConf();
    }

    /** One queue now: callers waiting, the longest wait, the PBX's figures and its members. */
    record LiveQueue(String name, int waiting, long longestWaitSeconds, int serviceLevelSeconds,
                     String serviceLevelPerf, Integer completed, Integer abandoned, List<QueueControl.Member> members) {
    }

    record Live(java.time.Instant statusAt, List<LiveQueue> queues) {
    }

    @GetMapping("/live")
    Live live() {
        QueueControl.Status status = snapshots.latest();
        List<LiveQueue> out = new ArrayList<>();
        for (QueueConfig.Queue q : config.config().queues()) {
            QueueLoad.Load l = load.of(q.name());
            QueueControl.QueueFigures figures = status == null ? null : status.queues().stream()
                    .filter(f -> f.queue().equals(q.name())).findFirst().orElse(null);
            List<QueueControl.Member> members = status == null ? List.of() : status.members().stream()
                    .filter(m -> m.queue().equals(q.name())).toList();
            out.add(new LiveQueue(q.name(), l.waiting(), l.longestWait().toSeconds(), q.serviceLevelSeconds(),
                    figures == null ? null : figures.serviceLevelPerf(), figures == null ? null : figures.completed(),
                    figures == null ? null : figures.abandoned(), members));
        }
        return new Live(status == null ? null : status.at(), out);
    }

    private static <T> T read(ObjectReader reader, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("the request body is empty");
        }
        try {
            return reader.readValue(body);
        } catch (JacksonException e) {
            throw InvalidRequestException.body("queue configuration", e);
        }
    }

}
