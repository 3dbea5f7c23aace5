package kz.line102.callcenter.incident;

import java.util.UUID;

import kz.line102.callcenter.jobs.IncidentJob;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Complete cards for tests of the flows that follow registration. */
public final class Cards {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cards() {
    }

    /** A complete draft of {@code operator}: {@code category}/{@code type}, priority 2, at {@code address}. */
    public static UUID draft(IncidentService incidents, String operator, String category, String type,
                             String address) {
        UUID id = incidents.open(Actor.operator(operator), null).incident().id();
        JsonNode persons = JSON.readTree("[{\"role\":\"victim\",\"name\":\"Иванов И.И.\",\"birthYear\":1980}]");
        incidents.edit(Actor.operator(operator), id, 1, new IncidentFields(category, type, 2, "+77012345678",
                "Сериков Арман", "Астана, ул. Кенесары 1", address, 51.128, 71.430, false,
                "the caller saw it happen", persons, null, "caller stays on scene"));
        return id;
    }

    /**
     * Registers {@code id} in this context, as its registration route would, without a
     * {@code register} job another running context could take first (every cached test
     * context polls the same table, and each tells only its own listeners).
     */
    public static Incident registerHere(IncidentService incidents, JdbcTemplate jdbc, UUID id) {
        jdbc.update("update incidents set status = 'SUBMITTED', submitted_at = now(), version = version + 1 "
                + "where id = ? and status = 'DRAFT'", id);
        incidents.register(new IncidentJob(-1, id, IncidentService.REGISTER_STEP, "", "running", 1, null, null,
                null, null, "{}", null, null, null));
        return incidents.get(id);
    }
}
