package kz.line102.callcenter.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import kz.line102.callcenter.settings.SettingProblem;
import kz.line102.callcenter.settings.SettingSpec;
import kz.line102.callcenter.settings.SettingVersion;
import kz.line102.callcenter.settings.VersionedSetting;
import kz.line102.callcenter.settings.VersionedSettings;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue configuration, a versioned setting: the version in force, saves and restores
 * (validated against the queues the routing rules name, versioned, audited, live on every
 * node) and its rendering as queues.conf. The first start writes the bundled default as
 * version 1.
 */
public class QueueConfigService {

    static final String DEFAULT_RESOURCE = "/queue/default-queues.json";

    private final ObjectProvider<QueueReferences> references;
    private final VersionedSetting<QueueConfig> setting;
    /** Told of every saved version (the operator feature applies it to the operators signed in). */
    private volatile BiConsumer<QueueConfig, String> onSaved = (c, actor) -> { };

    QueueConfigService(VersionedSettings settings, QueueConfig defaults, ObjectProvider<QueueReferences> references) {
        this.references = references;
        this.setting = settings.define(SettingSpec.of("queue-config", QueueConfig.class)
                .described("queue-config", "queue configuration", "config")
                .validatedAtFields(this::check).diffedBy(QueueConfigService::changes)
                .seededWith(defaults, "the bundled default configuration"));
        setting.afterSave(saved -> onSaved.accept(saved.payload(), saved.createdBy()));
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

    public void onSaved(BiConsumer<QueueConfig, String> listener) {
        this.onSaved = listener;
    }

    /** The configuration as a versioned setting: its history, restores and audit (the API's). */
    public VersionedSetting<QueueConfig> setting() {
        return setting;
    }

    public SettingVersion<QueueConfig> current() {
        return setting.current();
    }

    public QueueConfig config() {
        return setting.payload();
    }

    /** The queues routing rules may name. */
    public Set<String> names() {
        return Set.copyOf(config().names());
    }

    /** Why {@code config} could not be saved now, each at its field with its code; empty when it could. */
    public List<SettingProblem> check(QueueConfig config) {
        QueueReferences refs = references.getIfAvailable();
        return QueueConfigValidator.check(config, refs == null ? Map.of() : refs.queuesNamed());
    }

    public SettingVersion<QueueConfig> save(QueueConfig config, String actor, String comment, Integer base) {
        return setting.save(config, actor, "save", comment, base);
    }

    public String queuesConf() {
        return QueuesConf.render(config());
    }

    /** One sentence per queue added, removed or changed. */
    static List<String> changes(QueueConfig before, QueueConfig after) {
        List<String> changes = new ArrayList<>();
        for (QueueConfig.Queue q : after.queues()) {
            Optional<QueueConfig.Queue> was = before.queue(q.name());
            if (was.isEmpty()) {
                changes.add("added queue " + q.name());
            } else if (!was.get().equals(q)) {
                changes.add("changed queue " + q.name());
            }
        }
        before.queues().stream().filter(q -> after.queue(q.name()).isEmpty())
                .forEach(q -> changes.add("removed queue " + q.name()));
        if (changes.isEmpty()) {
            changes.add("no change");
        }
        return changes;
    }
}
