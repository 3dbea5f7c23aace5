package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.caller.CallerCardService;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.EventId;
import kz.line102.cti.OperatorRang;
import kz.line102.cti.stream.CallEventCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The need-to-know cells of the access matrix ({@link AccessMatrixTest} covers the URL
 * table): caller cards and incident cards by whose desk the call reached. Calls are
 * written as intake writes them (the call row and its events), at desks of their own.
 */
@CallcenterTest
class NeedToKnowTest {

    private static final CallEventCodec CODEC = new CallEventCodec();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RateLimiter limiter;

    Api api;
    String operatorA;
    String operatorB;
    String supervisor;
    String extA;
    String extB;

    @BeforeEach
    void twoDesks() {
        api = new Api(port);
        String admin = Api.user(users, "ntk-admin", Role.ADMIN);
        operatorA = Api.user(users, "ntk-operator-a", Role.OPERATOR);
        operatorB = Api.user(users, "ntk-operator-b", Role.OPERATOR);
        supervisor = Api.user(users, "ntk-supervisor", Role.SUPERVISOR);
        extA = desk(admin, operatorA);
        extB = desk(admin, operatorB);
        limiter.reset(CallerCardService.LOOKUPS, operatorA);
    }

    @Test
    void anOperatorGetsTheCardOfTheCallRingingAtTheirDeskAndTheReadIsAudited() {
        String number = number();
        UUID call = call(number, extA, false);
        Response card = api.get("/api/v1/callers/" + encode(number), operatorA);
        assertThat(card.status()).as(card.body()).isEqualTo(200);
        assertThat(card.json().path("numberE164").asString()).isEqualTo(number);
        assertThat(audited(operatorA, "caller-card-read", call)).isEqualTo(1);
        // The trail names the number only masked, with a digest to find it by.
        String detail = jdbc.queryForObject("select detail::text from security_audit where actor = ?"
                + " and detail->>'callId' = ? order by id desc limit 1", String.class, operatorA, call.toString());
        assertThat(detail).doesNotContain(number.substring(1)).contains(number.substring(number.length() - 4));
    }

    @Test
    void anotherDesksNumberIsRefusedWithoutAReasonButTheDutyOfficerSeesTheWatch() {
        String number = number();
        UUID call = call(number, extB, false);
        Response refused = api.get("/api/v1/callers/" + encode(number), operatorA);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("need-to-know");
        assertThat(jdbc.queryForObject("select count(*) from security_audit where actor = ? and action ="
                + " 'caller-card-refused' and at > now() - interval '1 minute'", Integer.class, operatorA))
                .isPositive();
        assertThat(api.get("/api/v1/callers/" + encode(number), operatorB).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/callers/" + encode(number), supervisor).status()).isEqualTo(200);
        assertThat(audited(supervisor, "caller-card-read", call)).isEqualTo(1);
    }

    @Test
    void aLookupWithAStatedReasonIsAuditedAndLimited() {
        String number = number();
        call(number, extB, false);
        String path = "/api/v1/callers/" + encode(number) + "?reason=caller%20asked%20to%20be%20called%20back";
        for (int i = 0; i < 3; i++) { // the test profile's lookups-per-window
            Response r = api.get(path, operatorA);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("select count(*) from security_audit where actor = ? and action ="
                + " 'caller-card-read' and detail->>'reason' = 'caller asked to be called back'"
                + " and at > now() - interval '1 minute'", Integer.class, operatorA)).isGreaterThanOrEqualTo(3);
        Response limited = api.get(path, operatorA);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("lookup-rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        // Too short a reason is no reason.
        limiter.reset(CallerCardService.LOOKUPS, operatorA);
        assertThat(api.get("/api/v1/callers/" + encode(number) + "?reason=why", operatorA).code())
                .isEqualTo("need-to-know");
    }

    @Test
    void anOperatorCannotOpenOrReadTheCardOfACallAnotherDeskAnswered() {
        String number = number();
        UUID call = call(number, extB, true);
        Response claimed = api.json("POST", "/api/v1/incidents", operatorA, "{\"callId\":\"" + call + "\"}");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(403);
        assertThat(claimed.code()).isEqualTo("need-to-know");

        Response opened = api.json("POST", "/api/v1/incidents", operatorB, "{\"callId\":\"" + call + "\"}");
        assertThat(opened.status()).as(opened.body()).isIn(200, 201);
        String card = opened.json().path("incident").path("id").asString();
        // Now that the card exists, asking for it again must not hand it over either.
        assertThat(api.json("POST", "/api/v1/incidents", operatorA, "{\"callId\":\"" + call + "\"}").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/incidents/" + card, operatorA).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/incidents/" + card + "/eido", operatorA).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/incidents/" + card + "/transitions", operatorA).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/incidents/of-call/" + call, operatorA).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/incidents/" + card, operatorB).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/incidents/" + card, supervisor).status()).isEqualTo(200);
        String auditor = Api.user(users, "ntk-auditor", Role.AUDITOR);
        assertThat(api.get("/api/v1/incidents/" + card, auditor).status()).isEqualTo(200);
        assertThat(api.json("PUT", "/api/v1/incidents/" + card, auditor, "{\"version\":1}").status())
                .isEqualTo(403);
    }

    private int audited(String actor, String action, UUID call) {
        return jdbc.queryForObject("select count(*) from security_audit where actor = ? and action = ?"
                + " and detail->>'callId' = ?", Integer.class, actor, action, call.toString());
    }

    /** A desk of its own for {@code operator}, who signs in there; returns its extension. */
    private String desk(String admin, String operator) {
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String extension = "6" + n;
        Response created = api.json("POST", "/api/v1/admin/workstations", admin,
                "{\"name\":\"ntk-desk-" + n + "\",\"extension\":\"" + extension + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Response signedIn = api.json("POST", "/api/v1/operators/me/session", operator,
                "{\"extension\":\"" + extension + "\"}");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(201);
        return extension;
    }

    /** A call from {@code number} ringing at {@code extension} now (and answered there). */
    private UUID call(String number, String extension, boolean answered) {
        CallId id = CallId.derive("ntk", UUID.randomUUID().toString());
        UUID call = UUID.fromString(id.value());
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("insert into calls (id, caller_number, caller_number_e164, caller_number_status, queue,"
                        + " offered_at, operator, answered_at) values (?, ?, ?, 'valid', 'q102', ?, ?, ?)", call, number,
                number, Timestamp.from(t0), answered ? extension : null,
                answered ? Timestamp.from(t0.plusSeconds(2)) : null);
        event(new CallOffered(EventId.random(), id, t0, number, number, "102", true));
        event(new OperatorRang(EventId.random(), id, t0.plusSeconds(1), "q102", extension, "Operator"));
        if (answered) {
            event(new CallAnswered(EventId.random(), id, t0.plusSeconds(2), "q102", extension, 1, 1));
        }
        return call;
    }

    private void event(CallEvent e) {
        jdbc.update("insert into call_events (event_id, call_id, type, at, payload) values (?, ?, ?, ?, ?::jsonb)",
                UUID.fromString(e.eventId().value()), UUID.fromString(e.callId().value()), e.type(),
                Timestamp.from(e.at()), CODEC.toLine(CODEC.encode(e)));
    }

    private static String number() {
        return "+7701" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private static String encode(String number) {
        return number.replace("+", "%2B");
    }
}
