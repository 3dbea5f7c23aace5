package kz.line102.callcenter.settings;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One versioned setting on this node: the version in force (held in memory and swapped
 * whole, so readers on a hot path such as a routing decision never wait on the database),
 * saves and restores (validated, versioned, audited, put in force here at once and
 * announced to the other nodes, which reload it), and its history. Made by
 * {@link VersionedSettings#define}.
 */
public final class VersionedSetting<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VersionedSetting.class);

    private final SettingSpec<T> spec;
    private final SettingStore<T> store;
    private final SettingChanges changes;
    private final AtomicReference<SettingVersion<T>> inForce = new AtomicReference<>();
    private final List<Consumer<SettingVersion<T>>> inForceListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SettingVersion<T>>> saveListeners = new CopyOnWriteArrayList<>();

    VersionedSetting(SettingSpec<T> spec, SettingStore<T> store, SettingChanges changes) {
        this.spec = spec;
        this.store = store;
        this.changes = changes;
        if (spec.seeded && store.latest().isEmpty()) {
            SettingVersion<T> first = store.append(spec.before, "system", "initial", spec.beforeComment, null,
                    null, List.of());
            log.info("setting={} version {} written from the default", spec.name, first.version());
        }
        inForce.set(store.latest().orElseGet(this::unsaved));
        changes.start(this::reloadIfNewer);
    }

    private VersionedSetting(SettingSpec<T> spec, SettingVersion<T> only) {
        this.spec = spec;
        this.store = null;
        this.changes = null;
        inForce.set(only);
    }

    /**
     * A setting fixed at {@code payload} (version 1) with no store behind it, which refuses
     * changes: for unit tests of the logic that reads a setting, and for tools.
     */
    public static <T> VersionedSetting<T> fixed(SettingSpec<T> spec, T payload) {
        return new VersionedSetting<>(spec, new SettingVersion<>(1, payload, "system", Instant.EPOCH, "initial",
                "fixed", null, List.of(), spec.payloadKey));
    }

    private SettingVersion<T> unsaved() {
        return new SettingVersion<>(0, spec.before, "system", Instant.EPOCH, "initial", spec.beforeComment, null,
                List.of(), spec.payloadKey);
    }

    SettingSpec<T> spec() {
        return spec;
    }

    /** The version in force on this node. */
    public SettingVersion<T> current() {
        return inForce.get();
    }

    /** The setting in force on this node. */
    public T payload() {
        return current().payload();
    }

    /** Why {@code payload} could not be saved now; empty when it could. */
    public List<String> violations(T payload) {
        return spec.violations(payload);
    }

    /** Why {@code payload} could not be saved now, field by field (the owner's {@code validatedAtFields}). */
    public List<kz.line102.callcenter.app.FieldProblem> fieldProblems(T payload) {
        return spec.fieldProblems(payload);
    }

    /** What {@code payload} holds that would be accepted but said out loud. */
    public List<String> warnings(T payload) {
        return spec.warnings(payload);
    }

    /**
     * Saves {@code payload} as the next version.
     *
     * @param action {@code save} or {@code import}: how it came (kept with the version)
     * @param base   the version the change was made to; when given and no longer current, 409
     */
    public SettingVersion<T> save(T payload, String actor, String action, String comment, Integer base) {
        refuseIfInvalid(payload, actor, Map.of("attempted", action));
        List<String> warnings = spec.warnings(payload);
        return put(writable().append(payload, actor, action, comment, null, base, warnings), warnings);
    }

    /** Brings version {@code version} back as a new version (history is never rewritten). */
    public SettingVersion<T> restore(int version, String actor, String comment) {
        SettingVersion<T> old = version(version);
        // What it depends on may have changed since (a queue an old rule set names is gone).
        refuseIfInvalid(old.payload(), actor, Map.of("attempted", "restore", "restoreOf", version));
        List<String> warnings = spec.warnings(old.payload());
        return put(writable().append(old.payload(), actor, "restore", comment, version, null, warnings), warnings);
    }

    public SettingVersion<T> version(int version) {
        return writable().find(version).orElseThrow(() -> new NoSuchSettingVersionException(spec, version));
    }

    /** The newest {@code limit} versions, newest first. */
    public List<SettingVersion<T>> versions(int limit) {
        return writable().list(limit);
    }

    /** The newest {@code limit} audit entries (id, at, actor, action, version, detail), newest first. */
    public List<Map<String, Object>> audit(int limit) {
        return writable().auditTrail(limit);
    }

    /** Puts the newest saved version in force if it is newer than the one in force; idempotent. */
    public void reloadIfNewer() {
        if (store != null && store.latestNumber() > current().version()) {
            store.latest().ifPresent(this::activate);
        }
    }

    /**
     * Told of every version that comes into force on this node, saved here or on another
     * node (within a second through Redis, else within the poll interval). Runs on the
     * saving thread or the setting's poller: keep it short and idempotent.
     */
    public void onInForce(Consumer<SettingVersion<T>> listener) {
        inForceListeners.add(listener);
    }

    /** Told of every version saved or restored on this node (once across nodes), after it is in force. */
    public void afterSave(Consumer<SettingVersion<T>> listener) {
        saveListeners.add(listener);
    }

    /** How many times the change channel was subscribed (more than once: it was lost and re-made). */
    public int subscriptions() {
        return changes == null ? 0 : changes.subscriptions();
    }

    private void refuseIfInvalid(T payload, String actor, Map<String, Object> attempt) {
        List<String> violations = spec.violations(payload);
        if (!violations.isEmpty()) {
            Map<String, Object> detail = new java.util.LinkedHashMap<>(attempt);
            detail.put("violations", violations);
            writable().audit(actor, "rejected", null, detail);
            log.warn("setting={} change from {} refused: {}", spec.name, actor, violations);
            throw new InvalidSettingException(spec, violations, spec.fieldProblems(payload));
        }
    }

    private SettingStore<T> writable() {
        if (store == null) {
            throw new IllegalStateException("setting " + spec.name + " is fixed: it has no versions to change");
        }
        return store;
    }

    private SettingVersion<T> put(SettingVersion<T> saved, List<String> warnings) {
        activate(saved);
        changes.announce(saved.version());
        log.info("setting={} version {} saved by {} ({}): {}", spec.name, saved.version(), saved.createdBy(),
                saved.action(), saved.changes());
        if (!warnings.isEmpty()) {
            log.warn("setting={} version {} holds {} warning(s): {}", spec.name, saved.version(), warnings.size(),
                    warnings);
        }
        saveListeners.forEach(l -> l.accept(saved));
        return saved;
    }

    private void activate(SettingVersion<T> version) {
        SettingVersion<T> before = inForce.getAndAccumulate(version,
                (cur, next) -> next.version() > cur.version() ? next : cur);
        if (version.version() > before.version()) {
            log.info("setting={} version {} in force", spec.name, version.version());
            for (Consumer<SettingVersion<T>> listener : inForceListeners) {
                try {
                    listener.accept(version);
                } catch (RuntimeException e) {
                    log.warn("setting={} a listener failed on version {}", spec.name, version.version(), e);
                }
            }
        }
    }

    /** Stops hearing other nodes' changes. */
    @Override
    public void close() {
        if (changes != null) {
            changes.close();
        }
    }
}
