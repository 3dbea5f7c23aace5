package kz.line102.callcenter.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue configuration: the version in force, saves and restores (validated, versioned,
 * audited) and its rendering as queues.conf. The first start writes the bundled default
 * as version 1. Reads go to the database (a save on another node is seen at once); they
 * are rare next to calls: sign-ins, saves and the wallboard.
 */
public class QueueConfigService {

    private static final Logger log = LoggerFactory.getLogger(QueueConfigService.class);
    static final String DEFAULT_RESOURCE = "/queue/default-queues.json";

    private final JdbcQueueConfigRepository repository;
    private final ObjectProvider<QueueReferences> references;
    /** Told of every saved version (the queue feature applies it to the operators signed in). */
    private volatile java.util.function.BiConsumer<QueueConfig, String> onSaved = (c, actor) -> { };

    QueueConfigService(JdbcQueueConfigRepository repository, ObjectProvider<QueueReferences> references) {
        this.repository = repository;
        this.references = references;
    }

    /** The bundled default configuration (what conf/asterisk/queues.conf is rendered from). */
    static QueueConfig bundledDefault(JsonMapper json) {
        try (InputStream in = QueueConfigService.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the application");
            }
            return json.readValue(in, QueueConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void initialise(QueueConfig defaults) {
        if (repository.latest().isEmpty()) {
            QueueConfigVersion first = repository.append(defaults, "system", "initial",
                    "the bundled default configuration", null, null);
            log.info("queue configuration version {} written from the bundled default: queues {}", first.version(),
                    first.config().names());
        }
    }

    public void onSaved(java.util.function.BiConsumer<QueueConfig, String> listener) {
        this.onSaved = listener;
    }

    public QueueConfigVersion current() {
        return repository.latest().orElseThrow(() -> new IllegalStateException("no queue configuration"));
    }

    public QueueConfig config() {
        return current().config();
    }

    /** The queues routing rules may name. */
    public Set<String> names() {
        return Set.copyOf(config().names());
    }

    public List<String> validate(QueueConfig config) {
        QueueReferences refs = references.getIfAvailable();
        return QueueConfigValidator.violations(config, refs == null ? Map.of() : refs.queuesNamed());
    }

    public QueueConfigVersion save(QueueConfig config, String actor, String comment, Integer base) {
        List<String> violations = validate(config);
        if (!violations.isEmpty()) {
            repository.audit(actor, "rejected", null, Map.of("attempted", "save", "violations", violations));
            log.warn("queue configuration from {} refused: {}", actor, violations);
            throw new InvalidQueueConfigException(violations);
        }
        QueueConfigVersion saved = repository.append(config, actor, "save", comment, null, base);
        log.info("queue configuration version {} saved by {}: {}", saved.version(), actor, saved.changes());
        onSaved.accept(saved.config(), actor);
        return saved;
    }

    public QueueConfigVersion restore(int version, String actor, String comment) {
        QueueConfigVersion old = version(version);
        List<String> violations = validate(old.config());
        if (!violations.isEmpty()) {
            repository.audit(actor, "rejected", null, Map.of("attempted", "restore", "restoreOf", version,
                    "violations", violations));
            throw new InvalidQueueConfigException(violations);
        }
        QueueConfigVersion saved = repository.append(old.config(), actor, "restore", comment, version, null);
        log.info("queue configuration version {} restored by {} as version {}", version, actor, saved.version());
        onSaved.accept(saved.config(), actor);
        return saved;
    }

    public QueueConfigVersion version(int version) {
        return repository.find(version).orElseThrow(() -> new NoSuchQueueConfigVersionException(version));
    }

    public List<QueueConfigVersion> versions(int limit) {
        return repository.list(limit);
    }

    public List<Map<String, Object>> audit(int limit) {
        return repository.auditTrail(limit);
    }

    public String queuesConf() {
        return QueuesConf.render(config());
    }

    /** No such version of the queue configuration. */
    static class NoSuchQueueConfigVersionException extends ProblemException {
        NoSuchQueueConfigVersionException(int version) {
            super(HttpStatus.NOT_FOUND, "no-such-queue-config-version", "no queue configuration version " + version);
        }
    }
}
