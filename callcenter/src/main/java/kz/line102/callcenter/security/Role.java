package kz.line102.callcenter.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a user is to the centre. METRICS is not a person: it is the credential a
 * Prometheus server scrapes with, so the scraper needs no administrator's password.
 * PERSONNEL is the personnel service: the certification files are theirs, not IT staff's.
 */
public enum Role {
    OPERATOR, SUPERVISOR, AUDITOR, ADMIN, METRICS, PERSONNEL;

    public static Optional<Role> parse(String text) {
        String upper = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(upper)).findFirst();
    }
}
