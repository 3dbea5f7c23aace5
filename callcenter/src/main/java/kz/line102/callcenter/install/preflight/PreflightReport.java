package kz.line102.callcenter.install.preflight;

import java.time.Instant;
import java.util.List;

/** One run of every check: when, and what each found. */
record PreflightReport(Instant at, List<Finding> findings) {

    PreflightReport {
        findings = List.copyOf(findings);
    }

    boolean failed() {
        return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAIL);
    }

    long count(Finding.Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }
}
