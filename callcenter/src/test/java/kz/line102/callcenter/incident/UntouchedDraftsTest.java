package kz.line102.callcenter.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drafts on the console: opened only for the operator who answered the call, cancelled
 * when left untouched to the end of the call's wrap-up (by a durable job that a restart does
 * not lose), and saved with whatever the operator has filled in so far.
 */
class UntouchedDraftsTest extends IntakeTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    IncidentService incidents;

    Api api;
    String admin;
    String operator;
    String extension;
    String number;

    @BeforeEach
    void signedIn() {
        api = new Api(port);
        admin = Api.user(users, "untouched-admin", Role.ADMIN);
        operator = Api.user(users, "untouched-operator", Role.OPERATOR);
        extension = desk();
        signIn(operator, extension);
        number = "+7701" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    /**
     * Nobody stays signed in: a ready operator left at a desk is a queue member that the next
     * test's replayed calls ring and answer, and each such answer opens that operator a draft.
     */
    @AfterEach
    void signedOut() {
        for (String who : new String[] {operator, "untouched-later"}) {
            api.json("DELETE", "/api/v1/operators/me/session", who, null);
        }
    }

    private String desk() {
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String ext = "6" + n;
        assertThat(api.json("POST", "/api/v1/admin/workstations", admin,
                "{\"name\":\"untouched-desk-" + n + "\",\"extension\":\"" + ext + "\"}").status()).isEqualTo(201);
        return ext;
    }

    private void signIn(String who, String ext) {
        Response in = api.json("POST", "/api/v1/operators/me/session", who, "{\"extension\":\"" + ext + "\"}");
        assertThat(in.status()).as(in.body()).isEqualTo(201);
    }

    private UUID cardOf(CallId call) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.query(
                "select incident_id from incident_calls where call_id = ?::uuid",
                rs -> rs.next() ? rs.getObject(1, UUID.class) : null, call.value()), id -> id != null);
    }

    /** A whole call, answered at {@code ext} and ended, through the stream. */
    private CallId call(String ext) {
        CallId call = newCall();
        answered(call, number, Instant.now().truncatedTo(ChronoUnit.MILLIS), ext, 2, 20).forEach(publisher::accept);
        return call;
    }

    private Integer jobs(UUID card, String status) {
        return jdbc.queryForObject("select count(*) from incident_jobs where incident_id = ? and step = ? "
                + "and status = ?", Integer.class, card, UntouchedDrafts.STEP, status);
    }

    /** The test configuration waits an hour after a call's end; here the job is due now. */
    private void dueNow(UUID card) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs(card, "pending") == 1);
        jdbc.update("update incident_jobs set next_attempt_at = clock_timestamp() where incident_id = ? and step = ?",
                card, UntouchedDrafts.STEP);
    }

    private IncidentStatus status(UUID card) {
        return incidents.get(card).status();
    }

    @Test
    void aDraftIsOpenedOnlyForTheOperatorWhoAnsweredTheCall() {
        // Answered at a desk where nobody sat at the answer; the operator who sits down there later gets no draft.
        String empty = desk();
        CallId before = newCall();
        List<CallEvent> events = answered(before, number, Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS),
                empty, 2, 20);
        events.forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(20)).until(() -> "answered".equals(outcome(before)));
        String later = Api.user(users, "untouched-later", Role.OPERATOR);
        java.sql.Timestamp signedIn = jdbc.queryForObject("select clock_timestamp()", java.sql.Timestamp.class);
        signIn(later, empty);
        // The draft hand-off runs again (a replay of the same events, a second node): still nobody's.
        assertThat(incidents.openForAnsweredCall(UUID.fromString(before.value()))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from incident_calls where call_id = ?::uuid", Integer.class,
                before.value())).isZero();
        // What the later operator's cards are, said when there are any: which call, answered where and when.
        assertThat(jdbc.queryForList("""
                select i.id, i.created_at, c.id as call_id, c.operator, c.answered_at, c.operator_user
                  from incidents i left join incident_calls ic on ic.incident_id = i.id
                  left join calls c on c.id = ic.call_id where i.created_by = ? and i.created_at >= ?""", later,
                signedIn)).isEmpty();

        // Answered at this operator's desk: theirs, and only theirs.
        CallId mine = call(extension);
        UUID card = cardOf(mine);
        assertThat(incidents.get(card).createdBy()).isEqualTo(operator);
        Response other = api.json("POST", "/api/v1/incidents", later, "{\"callId\":\"" + mine.value() + "\"}");
        assertThat(other.status()).as(other.body()).isEqualTo(403);
    }

    @Test
    void anUntouchedDraftIsCancelledWhenItsCallsWrapUpEnds() {
        CallId call = call(extension);
        UUID card = cardOf(call);
        // The operator is in wrap-up for a few seconds more: the draft waits for its end.
        Instant until = Instant.now().plusSeconds(4);
        jdbc.update("""
                insert into operator_states (user_id, state, reason, wrap_up_until)
                select id, 'wrap-up', 'wrap-up', ? from users where username = ?
                on conflict (user_id) do update set state = 'wrap-up', reason = 'wrap-up',
                    wrap_up_until = excluded.wrap_up_until""", java.sql.Timestamp.from(until), operator);
        dueNow(card);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select attempts = 0 and status = 'pending' and next_attempt_at >= ? from incident_jobs "
                        + "where incident_id = ? and step = ?", Boolean.class, java.sql.Timestamp.from(until), card,
                UntouchedDrafts.STEP));
        assertThat(status(card)).isEqualTo(IncidentStatus.DRAFT);

        // The real wrap-up of the test queue (15 s) may still run: the job waits for it as well.
        await().atMost(Duration.ofSeconds(45)).until(() -> status(card) == IncidentStatus.CANCELLED);
        assertThat(Instant.now()).isAfterOrEqualTo(until);
        assertThat(jdbc.queryForObject("select by_user from incident_transitions where incident_id = ? "
                + "and to_status = 'CANCELLED'", String.class, card)).isEqualTo("system:untouched-draft");
        assertThat(jobs(card, "done")).isEqualTo(1);
    }

    @Test
    void aDraftTheOperatorSavedIsKeptEvenWithAnIncompletePersonRow() {
        CallId call = call(extension);
        UUID card = cardOf(call);
        // Half typed: a person with only a role, an IIN not yet complete, a plate begun: a draft keeps it.
        Response saved = api.json("PUT", "/api/v1/incidents/" + card, operator, """
                {"version": 1, "description": "someone shouting",
                 "persons": [{"role": "victim"}, {"name": "A.", "iin": "9001", "birthYear": "19"}],
                 "vehicles": [{"plate": "1"}]}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("persons").get(1).path("iin").asString()).isEqualTo("9001");
        dueNow(card);
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs(card, "done") == 1);
        assertThat(status(card)).isEqualTo(IncidentStatus.DRAFT);

        // Submitting checks it all.
        Response submit = api.json("POST", "/api/v1/incidents/" + card + "/submit", operator, "{}");
        assertThat(submit.status()).isEqualTo(400);
        assertThat(submit.json().path("errors").findValuesAsString("field"))
                .contains("persons[0]", "persons[1].iin", "persons[1].birthYear", "vehicles[0].plate");
    }

    @Test
    void aDraftASupervisorOpensForAnEndedCallIsNotCancelledForBeingUntouched() {
        String nobody = desk();
        CallId call = call(nobody);
        await().atMost(Duration.ofSeconds(20)).until(() -> "answered".equals(outcome(call)));
        String supervisor = Api.user(users, "untouched-supervisor", Role.SUPERVISOR);
        Response opened = api.json("POST", "/api/v1/incidents", supervisor, "{\"callId\":\"" + call.value() + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        UUID card = UUID.fromString(opened.json().path("incident").path("id").asString());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> jobs(card, "pending") == 0);
        assertThat(status(card)).isEqualTo(IncidentStatus.DRAFT);
    }

    @Test
    void theCancellationIsAJobInTheDatabaseThatAnotherNodeTakesOverAfterARestart() {
        CallId call = call(extension);
        UUID card = cardOf(call);
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs(card, "pending") == 1);
        // A node claimed the job and died before finishing it: its lease ran out.
        jdbc.update("""
                update incident_jobs set status = 'running', claimed_by = 'node-that-died', attempts = 1,
                    lease_until = clock_timestamp() - interval '1 second', next_attempt_at = clock_timestamp()
                where incident_id = ? and step = ?""", card, UntouchedDrafts.STEP);
        // The real wrap-up of the test queue (15 s) may still run: the job waits for it as well.
        await().atMost(Duration.ofSeconds(45)).until(() -> status(card) == IncidentStatus.CANCELLED);
        assertThat(jobs(card, "done")).isEqualTo(1);
    }
}
