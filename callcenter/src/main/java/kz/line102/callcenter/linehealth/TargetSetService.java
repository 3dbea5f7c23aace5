package kz.line102.callcenter.linehealth;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import kz.line102.callcenter.settings.InvalidSettingException;
import kz.line102.callcenter.settings.SettingSpec;
import kz.line102.callcenter.settings.SettingVersion;
import kz.line102.callcenter.settings.VersionedSetting;
import kz.line102.callcenter.settings.VersionedSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target set as a versioned setting ({@code line-health-targets}): validated field
 * by field, saved against the version it was made to, restored, audited, and put in
 * force on every node — where each version is applied to the target rows (added targets
 * start being probed, removed ones stop and their alarms end) and to the test-call
 * schedule, without a restart.
 */
final class TargetSetService implements AutoCloseable {

    static final String SETTING = "line-health-targets";
    private static final Logger log = LoggerFactory.getLogger(TargetSetService.class);

    private final VersionedSetting<TargetSet> setting;
    private final TargetSetValidator validator;
    private final JdbcTargetSync sync;
    private final LineHealthAlarms alarms;
    private final List<Runnable> afterApply = new CopyOnWriteArrayList<>();
    private final Object applying = new Object();
    /** The newest version this node has applied to the rows (or found applied by another node). */
    private volatile int applied;

    TargetSetService(VersionedSettings settings, LineHealthProperties props, JdbcTargetSync sync,
                     LineHealthAlarms alarms) {
        this.validator = new TargetSetValidator(props);
        this.sync = sync;
        this.alarms = alarms;
        this.setting = settings.define(spec(props, validator));
        setting.onInForce(this::apply);
        apply(setting.current());
    }

    static SettingSpec<TargetSet> spec(LineHealthProperties props, TargetSetValidator validator) {
        return SettingSpec.of(SETTING, TargetSet.class).described(SETTING, "line-health target set", "targetSet")
                .validatedBy(validator::violations).diffedBy(TargetSetDiff::between)
                .seededWith(TargetSet.empty(), "no targets yet").pollInterval(props.reloadInterval());
    }

    VersionedSetting<TargetSet> setting() {
        return setting;
    }

    SettingVersion<TargetSet> current() {
        return setting.current();
    }

    /** Heard after each version is applied on this node (the probes and the test-call schedule follow it). */
    void onApplied(Runnable listener) {
        afterApply.add(listener);
    }

    List<TargetSetValidator.Violation> check(TargetSet set) {
        return validator.check(set);
    }

    /** Saves the whole set; an invalid one is refused with every field at fault ({@link InvalidTargetSetException}). */
    SettingVersion<TargetSet> save(TargetSet set, String actor, String comment, Integer base) {
        try {
            return setting.save(set, actor, "save", comment, base);
        } catch (InvalidSettingException e) {
            throw new InvalidTargetSetException(e.violations(), validator.check(set));
        }
    }

    SettingVersion<TargetSet> restore(int version, String actor, String comment) {
        try {
            return setting.restore(version, actor, comment);
        } catch (InvalidSettingException e) {
            throw new InvalidTargetSetException(e.violations(), validator.check(setting.version(version).payload()));
        }
    }

    private void apply(SettingVersion<TargetSet> version) {
        if (version.version() == 0) {
            return;
        }
        try {
            // One thread of this node at a time (the saving one, the poller, the probes' refresh);
            // nothing else is waited for while holding it.
            JdbcTargetSync.Applied done;
            synchronized (applying) {
                done = sync.apply(version.version(), version.payload().targets());
                applied = Math.max(applied, version.version());
            }
            if (done.applied()) {
                log.info("line-health target set version {} applied: {} targets", version.version(),
                        version.payload().targets().size());
            }
            done.stopped().forEach((id, name) -> alarms.targetBack(id, name + " no longer probed from version "
                    + version.version() + " of the target set"));
        } catch (RuntimeException e) {
            // The rows keep the version before; the next reload (poll) tries again.
            log.error("line-health target set version {} not applied: {}", version.version(), e.toString());
            return;
        }
        afterApply.forEach(Runnable::run);
    }

    /**
     * Applies the version in force again if this node could not (a database error): free
     * when it did, so the probes' refresh calls it; the refresh an apply sets off finds it
     * done and goes no deeper.
     */
    void applyIfBehind() {
        SettingVersion<TargetSet> v = setting.current();
        if (v.version() > applied) {
            apply(v);
        }
    }

    @Override
    public void close() {
        setting.close();
    }
}
