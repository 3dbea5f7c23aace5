package kz.line102.callcenter.archive;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cards' KUI numbers, as auditors name them: the card a number belongs to, and the
 * number of each card a recording is linked to. Reads {@code incidents} (the incident
 * module's table; only it writes there).
 */
@Component
class KuiNumbers {

    private final JdbcTemplate jdbc;

    KuiNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The card registered under {@code kui} (any case, spaces around ignored). */
    Optional<String> incidentOf(String kui) {
        List<String> ids = jdbc.queryForList("select id::text from incidents where upper(kui_number) = ?",
                String.class, kui.strip().toUpperCase(Locale.ROOT));
        return ids.stream().findFirst();
    }

    /** KUI numbers by card id, for the cards that have one. */
    Map<String, String> of(Collection<String> incidentIds) {
        Map<String, String> out = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return out;
        }
        jdbc.query("select id::text, kui_number from incidents where kui_number is not null and id::text = any(?)",
                rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                }, (Object) incidentIds.toArray(String[]::new));
        return out;
    }
}
