package kz.line102.callcenter.incident.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.incident.Actor;
import kz.line102.callcenter.incident.Cards;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Content-based routing of registered cards, through the real submit and registration
 * routes: a serious card alerts the duty officer once, an ordinary one passes through,
 * and a job run again raises no second alert.
 */
@CallcenterTest
class IncidentAlertRoutesTest {

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentJobs jobs;
    @Autowired
    UserService users;

    String duty;

    @BeforeEach
    void users() {
        Api.user(users, "alerting-admin", Role.ADMIN);
        duty = Api.user(users, "alerting-duty", Role.SUPERVISOR);
    }

    private UUID submitted(String category, String type, String address) {
        UUID id = Cards.draft(incidents, "alerting-op", category, type, address);
        incidents.submit(Actor.operator("alerting-op"), id, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> incidents.get(id).status() == IncidentStatus.REGISTERED);
        return id;
    }

    private IncidentJob alertJobDone(UUID id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> alertJob(id).map(j -> j.status().equals("done"))
                .orElse(false));
        return alertJob(id).orElseThrow();
    }

    private java.util.Optional<IncidentJob> alertJob(UUID id) {
        return jobs.forIncident(id).stream().filter(j -> j.step().equals("alert")).findFirst();
    }

    /** The alerts of this card as the duty officer's API shows them. */
    private List<JsonNode> alertsOf(UUID id) {
        Api.Response answer = new Api(port).get("/api/v1/alerts?state=all", duty);
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        answer.json().forEach(a -> {
            if (id.toString().equals(a.path("incidentId").asString())) {
                mine.add(a);
            }
        });
        return mine;
    }

    @Test
    void aSeriousCardRegisteredAlertsTheDutyOfficerWithItsKuiNumberTypeAddressAndPriority() {
        String address = "Астана, пр. Абая 10 " + UUID.randomUUID().toString().substring(0, 6);
        UUID id = submitted("CRIMINAL_OFFENCE", "robbery", address);
        String kui = incidents.get(id).kuiNumber();
        alertJobDone(id);

        List<JsonNode> alerts = alertsOf(id);
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.path("kind").asString()).isEqualTo("incident-serious");
        assertThat(alert.path("title").asString()).contains("Разбой").contains(address).contains(kui)
                .contains("приоритет 2");
        assertThat(alert.path("detail").path("kuiNumber").asString()).isEqualTo(kui);
        assertThat(alert.path("detail").path("typeCode").asString()).isEqualTo("robbery");
        assertThat(alert.path("detail").path("priority").asInt()).isEqualTo(2);
        assertThat(alert.path("detail").path("sceneAddress").asString()).isEqualTo(address);
    }

    @Test
    void anEspeciallySeriousCardIsCritical() {
        UUID id = submitted("CRIMINAL_OFFENCE", "murder", "Астана, ул. Сарыарка 5");
        alertJobDone(id);
        List<JsonNode> alerts = alertsOf(id);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).path("severity").asString()).isEqualTo("critical");
        assertThat(alerts.get(0).path("kind").asString()).isEqualTo("incident-especially-serious");
    }

    @Test
    void anOrdinaryCardPassesThroughWithoutAnAlert() {
        UUID id = submitted("CRIMINAL_OFFENCE", "theft", "Астана, ул. Кабанбай батыра 11");
        IncidentJob done = alertJobDone(id);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(alertsOf(id)).isEmpty();
    }

    @Test
    void aJobRunAgainRaisesNoSecondAlert() {
        UUID id = submitted("INCIDENT", "fire", "Астана, ул. Достык 3");
        IncidentJob first = alertJobDone(id);
        assertThat(alertsOf(id)).hasSize(1);

        // The job runs again, as after a node died between raising the alert and completing it.
        assertThat(jobs.replay(first.id())).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            IncidentJob again = jobs.find(first.id()).orElseThrow();
            return again.status().equals("done") && again.doneAt() != null && again.attempts() == 1
                    && again.updatedAt().isAfter(first.updatedAt());
        });
        List<JsonNode> alerts = alertsOf(id);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).path("severity").asString()).isEqualTo("critical");
    }
}
