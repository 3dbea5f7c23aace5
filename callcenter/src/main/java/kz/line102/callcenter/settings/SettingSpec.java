package kz.line102.callcenter.settings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import kz.line102.callcenter.app.FieldProblem;

/**
 * What a versioned setting is, as its owner defines it: its name, how it is called in
 * answers, what is in force before the first save, and the owner's validation, diff and
 * warnings. Handed to {@link VersionedSettings#define}; for example
 * <pre>{@code
 * SettingSpec.of("queue-config", QueueConfig.class).described("queue-config", "queue configuration", "config")
 *         .validatedBy(this::validate).diffedBy(QueueConfigService::changes)
 *         .seededWith(defaults, "the bundled default configuration")
 * }</pre>
 */
public final class SettingSpec<T> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    static final Duration DEFAULT_POLL = Duration.ofSeconds(30);

    // Read by the package as they stand; only the builder methods below write them.
    final String name;
    final Class<T> type;
    String code;
    String title;
    String payloadKey = "payload";
    private Function<T, List<String>> validator = payload -> List.of();
    private Function<T, List<? extends FieldProblem>> fieldValidator;
    private Function<T, List<String>> warnings = payload -> List.of();
    private BiFunction<T, T, List<String>> diff = (before, after) -> List.of(
            before.equals(after) ? "no change" : "changed");
    T before;
    String beforeComment;
    boolean seeded;
    String channel;
    Duration pollInterval = DEFAULT_POLL;

    private SettingSpec(String name, Class<T> type) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a setting's name is lower-case words joined by '-', not '"
                    + name + "'");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type);
        this.code = name;
        this.title = name.replace('-', ' ');
    }

    /** @param name the setting's key in {@code setting_versions} and {@code setting_audit}; never change it */
    public static <T> SettingSpec<T> of(String name, Class<T> type) {
        return new SettingSpec<>(name, type);
    }

    /**
     * @param code       stem of the error codes ({@code invalid-<code>}, {@code <code>-version-conflict},
     *                   {@code no-such-<code>-version})
     * @param title      the setting in the error messages ("rule set", "queue configuration")
     * @param payloadKey the setting's JSON name in a version and in a change ({@code ruleSet}, {@code config})
     */
    public SettingSpec<T> described(String code, String title, String payloadKey) {
        this.code = code;
        this.title = title;
        this.payloadKey = payloadKey;
        return this;
    }

    /** Every reason the setting cannot be saved (none: it may); a restore is checked again. */
    public SettingSpec<T> validatedBy(Function<T, List<String>> validator) {
        this.validator = validator;
        return this;
    }

    /**
     * Every reason the setting cannot be saved, each at its field with a code whose text is
     * {@code field.<code>} of the message bundle: a refusal then also answers them as {@code errors},
     * rendered in the request's language, beside the English {@code violations}.
     */
    public SettingSpec<T> validatedAtFields(Function<T, List<? extends FieldProblem>> validator) {
        this.fieldValidator = validator;
        this.validator = payload -> validator.apply(payload).stream().map(SettingSpec::sentence).toList();
        return this;
    }

    /** A field problem as one English line, for the log, the audit and {@code violations}. */
    public static String sentence(FieldProblem p) {
        return p.field() == null || p.field().isEmpty() ? p.message() : p.field() + ": " + p.message();
    }

    /** What is accepted but said out loud: logged and kept in the version's audit entry. */
    public SettingSpec<T> warnedBy(Function<T, List<String>> warnings) {
        this.warnings = warnings;
        return this;
    }

    /** One sentence per change between two versions ("added queue q102-en"), kept with the newer one. */
    public SettingSpec<T> diffedBy(BiFunction<T, T, List<String>> diff) {
        this.diff = diff;
        return this;
    }

    /** Before the first save, {@code initial} is in force as version 0, never stored. */
    public SettingSpec<T> unsaved(T initial, String comment) {
        this.before = Objects.requireNonNull(initial);
        this.beforeComment = comment;
        this.seeded = false;
        return this;
    }

    /** The first start on an empty database stores {@code initial} as version 1 (action {@code initial}). */
    public SettingSpec<T> seededWith(T initial, String comment) {
        unsaved(initial, comment);
        this.seeded = true;
        return this;
    }

    /** The Redis channel that announces new versions; by default one of the setting's own under the key prefix. */
    public SettingSpec<T> channel(String channel) {
        this.channel = channel;
        return this;
    }

    /** How often each node checks the database anyway, for a notification it missed (default 30 s). */
    public SettingSpec<T> pollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
        return this;
    }

    List<String> violations(T payload) {
        return payload == null ? List.of("the " + title + " is missing") : validator.apply(payload);
    }

    /** The field problems of {@code payload}; empty when the owner gave no field validation. */
    List<FieldProblem> fieldProblems(T payload) {
        return payload == null || fieldValidator == null ? List.of() : List.copyOf(fieldValidator.apply(payload));
    }

    List<String> warnings(T payload) {
        return payload == null ? List.of() : warnings.apply(payload);
    }

    List<String> diff(T previous, T next) {
        return diff.apply(previous, next);
    }

    void check() {
        if (before == null) {
            throw new IllegalStateException("setting " + name + ": say what is in force before the first save "
                    + "(unsaved or seededWith)");
        }
    }
}
