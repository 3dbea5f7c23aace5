package kz.line102.callcenter.install.preflight;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every check, one after the other (each is a few queries and AMI actions), and keeps the
 * latest report for health. A check that throws is a failure of its own, not of the run: the
 * other checks still report.
 */
public final class Preflight {

    private static final Logger log = LoggerFactory.getLogger(Preflight.class);
    private static final Locale LOG_LANGUAGE = Locale.ENGLISH;

    private final List<PreflightCheck> checks;
    private final PreflightTexts texts;
    private final Clock clock;
    private final AtomicReference<PreflightReport> latest = new AtomicReference<>();

    Preflight(List<PreflightCheck> checks, PreflightTexts texts, Clock clock) {
        this.checks = List.copyOf(checks);
        this.texts = texts;
        this.clock = clock;
    }

    /** Runs every check now; {@code logged}: each finding into the log (in English), failures as WARN. */
    PreflightReport run(boolean logged) {
        List<Finding> findings = new ArrayList<>();
        for (PreflightCheck check : checks) {
            try {
                findings.addAll(check.run());
            } catch (RuntimeException e) {
                log.warn("preflight check {} failed to run: {}", check.id(), e.toString(), e);
                findings.add(Finding.fail("check", "error", check.id(), describe(e)));
            }
        }
        PreflightReport report = new PreflightReport(clock.instant(), findings);
        latest.set(report);
        if (logged) {
            log(report);
        }
        return report;
    }

    /**
     * The messages along the exception's causes, each once ("Failed to obtain JDBC Connection"
     * alone says too little; its cause names the address that refused).
     */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 4; t = t.getCause() == t ? null : t.getCause(), depth++) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (!text.toString().contains(m)) {
                text.append(text.isEmpty() ? "" : ": ").append(m);
            }
        }
        return text.toString();
    }

    /** The latest run's report, or null before the first. */
    PreflightReport latest() {
        return latest.get();
    }

    PreflightTexts texts() {
        return texts;
    }

    private void log(PreflightReport report) {
        for (Finding f : report.findings()) {
            String message = texts.message(f, LOG_LANGUAGE);
            String fix = texts.fix(f, LOG_LANGUAGE);
            String line = fix == null ? message : message + " To change: " + fix;
            switch (f.status()) {
                case FAIL -> log.warn("preflight {} FAIL: {}", f.id(), line);
                case WARN -> log.warn("preflight {} warn: {}", f.id(), line);
                default -> log.info("preflight {} {}: {}", f.id(), f.status().code(), line);
            }
        }
        log.info("preflight done: {} ok, {} warn, {} fail, {} skipped (page /admin/preflight)",
                report.count(Finding.Status.OK),
                report.count(Finding.Status.WARN), report.count(Finding.Status.FAIL),
                report.count(Finding.Status.SKIPPED));
    }
}
