package kz.line102.callcenter.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The 15-minute history through the API: test calls left out, a corrected record (a late
 * answer, a start that moves) changes the figures of the right intervals, the exports,
 * and a clear refusal of every bad parameter. Each run uses a day of its own in the past.
 */
@CallcenterTest
class StatsHistoryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService users;
    @Autowired
    JdbcIntervals intervals;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager txm;

    Api api;
    String supervisor;
    LocalDate day;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        supervisor = StatsUsers.supervisor(users);
        day = LocalDate.of(1995, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(5000));
    }

    private Timestamp at(String local) {
        return Timestamp.from(day.atTime(LocalTime.parse(local)).atZone(ZONE).toInstant());
    }

    private UUID call(String offered, String outcome, Integer wait, Integer talk, boolean test, String number) {
        UUID id = UUID.randomUUID();
        Timestamp o = at(offered);
        Timestamp answered = "answered".equals(outcome) ? new Timestamp(o.getTime() + wait * 1000L) : null;
        jdbc.update("""
                insert into calls (id, caller_number, caller_number_e164, queue, outcome, offered_at, queued_at,
                    answered_at, ended_at, wait_seconds, talk_seconds, test_call, operator, operator_user)
                values (?, ?, ?, 'q102', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, id, number, number, outcome, o, o, answered,
                new Timestamp(o.getTime() + (wait + (talk == null ? 0 : talk)) * 1000L), wait, talk, test,
                answered == null ? null : "1001", answered == null ? null : "stats-op");
        return id;
    }

    private JsonNode interval(String local) {
        JsonNode body = api.get("/api/v1/stats/history?period=day&at=" + day + "&by=interval", supervisor).json();
        for (JsonNode row : body.path("rows")) {
            if (row.path("key").path("interval").asString().equals(day + "T" + local)) {
                return row.path("figures");
            }
        }
        return null;
    }

    @Test
    void aCorrectedRecordChangesTheFiguresOfItsIntervals() {
        UUID answered = call("09:05:00", "answered", 4, 60, false, "+77010000001");
        call("09:07:00", "answered", 1, 30, true, "+77010000002");
        UUID abandoned = call("09:20:00", "abandoned", 30, null, false, "+77010000003");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode nine = interval("09:00");
            assertThat(nine).as("09:00 interval").isNotNull();
            assertThat(nine.path("offered").asLong()).as("the test call is left out").isEqualTo(1);
            assertThat(nine.path("answered").asLong()).isEqualTo(1);
            assertThat(nine.path("asa").asDouble()).isEqualTo(4.0);
            JsonNode quarter = interval("09:15");
            assertThat(quarter).isNotNull();
            assertThat(quarter.path("abandoned").asLong()).isEqualTo(1);
            assertThat(quarter.path("serviceLevel").isNull()).isFalse();
            assertThat(quarter.path("serviceLevel").asDouble()).isEqualTo(0.0);
        });

        // the PBX's logs show the abandoned call was in fact answered after 12 s
        jdbc.update("""
                update calls set outcome = 'answered', answered_at = offered_at + interval '12 seconds',
                    wait_seconds = 12, talk_seconds = 40, updated_at = clock_timestamp() where id = ?
                """, abandoned);
        // and the first call started later than the live link said
        jdbc.update("update calls set offered_at = ?, updated_at = clock_timestamp() where id = ?", at("10:40:00"),
                answered);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode quarter = interval("09:15");
            assertThat(quarter.path("abandoned").asLong()).isZero();
            assertThat(quarter.path("answered").asLong()).isEqualTo(1);
            assertThat(quarter.path("serviceLevel").asDouble()).isEqualTo(100.0);
            assertThat(interval("09:00")).as("the moved call's old interval is empty").isNull();
            assertThat(interval("10:30").path("answered").asLong()).isEqualTo(1);
        });

        JsonNode byDay = api.get("/api/v1/stats/history?period=day&at=" + day + "&sl=10", supervisor).json();
        JsonNode all = byDay.path("rows").get(0).path("figures");
        assertThat(all.path("offered").asLong()).isEqualTo(2);
        assertThat(all.path("serviceLevel").asDouble()).as("4 s and 12 s against 10 s").isEqualTo(50.0);
        assertThat(all.path("aht").asDouble()).isEqualTo(50.0);

        JsonNode ops = api.get("/api/v1/stats/operators?period=day&at=" + day, supervisor).json();
        assertThat(ops.path("operators").toString()).contains("stats-op");
    }

    /**
     * Whole hours are read from their roll-up (V118) and the 15-minute grouping from the
     * intervals: both say the same after a record moves from one hour to the next.
     */
    @Test
    void anHourReadFromItsRollUpAgreesWithItsFourIntervalsAfterACorrection() {
        UUID moved = call("13:05:00", "answered", 5, 50, false, "+77010000011");
        call("13:50:00", "abandoned", 20, null, false, "+77010000012");
        call("14:10:00", "answered", 8, 30, false, "+77010000013");
        await().atMost(Duration.ofSeconds(20)).until(() -> interval("14:00") != null && interval("13:45") != null);
        assertThat(hour("13:00").path("offered").asLong()).isEqualTo(2);

        jdbc.update("update calls set offered_at = ?, updated_at = clock_timestamp() where id = ?", at("14:20:00"),
                moved);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(hour("13:00").path("offered").asLong()).isEqualTo(1);
            assertThat(hour("14:00").path("offered").asLong()).isEqualTo(2);
        });
        for (String h : new String[] {"13", "14"}) {
            long offered = 0;
            long answered = 0;
            long abandoned = 0;
            for (String m : new String[] {"00", "15", "30", "45"}) {
                JsonNode i = interval(h + ":" + m);
                if (i != null) {
                    offered += i.path("offered").asLong();
                    answered += i.path("answered").asLong();
                    abandoned += i.path("abandoned").asLong();
                }
            }
            JsonNode whole = hour(h + ":00");
            assertThat(whole.path("offered").asLong()).as(h + ":00").isEqualTo(offered);
            assertThat(whole.path("answered").asLong()).as(h + ":00").isEqualTo(answered);
            assertThat(whole.path("abandoned").asLong()).as(h + ":00").isEqualTo(abandoned);
        }
        JsonNode ops = api.get("/api/v1/stats/operators?period=day&at=" + day, supervisor).json();
        assertThat(ops.path("operators").toString()).contains("stats-op");
    }

    /**
     * A period's whole days are read from their roll-up by the centre's day (V119), its ragged
     * ends from hours and intervals: a call moved to the next day moves between the day rows, a
     * period cut at odd quarters counts every call once, and day rows cut in another zone are
     * not read until they are cut again in the centre's.
     */
    @Test
    void anOperatorsDaysAreReadFromTheirRollUpAndKeptRightAfterACorrection() {
        String op = "stats-days-" + ThreadLocalRandom.current().nextInt(1_000_000);
        UUID moved = call("23:50:00", "answered", 5, 60, false, "+77010000021");
        UUID early = call("06:20:00", "answered", 3, 30, false, "+77010000022");
        // the drain may have counted them for the insert's operator already; this change counts them again
        jdbc.update("update calls set operator_user = ?, updated_at = clock_timestamp() where id in (?, ?)", op, moved,
                early);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(answered(op, day)).isEqualTo(2));
        assertThat(answered(op, day.plusDays(1))).isZero();

        jdbc.update("""
                update calls set offered_at = offered_at + interval '20 minutes',
                    queued_at = queued_at + interval '20 minutes', answered_at = answered_at + interval '20 minutes',
                    ended_at = ended_at + interval '20 minutes', updated_at = clock_timestamp() where id = ?""", moved);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(answered(op, day)).isEqualTo(1);
            assertThat(answered(op, day.plusDays(1))).isEqualTo(1);
        });
        assertThat(answeredBetween(op, day + "T06:15", day.plusDays(3) + "T00:15")).isEqualTo(2);
        assertThat(answeredBetween(op, day + "T06:30", day.plusDays(1) + "T00:15")).as("the 06:20 call left out")
                .isEqualTo(1);

        jdbc.update("update stats_day_zone set zone = 'UTC'");
        assertThat(answered(op, day)).as("read from hours while the days are cut elsewhere").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "Asia/Almaty".equals(
                jdbc.queryForObject("select zone from stats_day_zone", String.class)));
        assertThat(answered(op, day)).isEqualTo(1);
        assertThat(answered(op, day.plusDays(1))).isEqualTo(1);
    }

    /**
     * A node killed in the middle of cutting every day again (its transaction never commits)
     * leaves the day rows and their zone as they were: periods read the same figures, and the
     * next pass of any node cuts them whole.
     */
    @Test
    void aDayRebuildCutShortByACrashLeavesTheDaysAsTheyWere() {
        String op = "stats-crash-" + ThreadLocalRandom.current().nextInt(1_000_000);
        UUID id = call("10:05:00", "answered", 4, 40, false, "+77010000031");
        jdbc.update("update calls set operator_user = ?, updated_at = clock_timestamp() where id = ?", op, id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(answered(op, day)).isEqualTo(1));

        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(txm);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            jdbc.update("update stats_day_zone set zone = 'UTC'");
            assertThat(intervals.cutDays()).isPositive();
            throw new IllegalStateException("the node is killed before the rebuild commits");
        })).hasMessageContaining("killed");

        assertThat(jdbc.queryForObject("select zone from stats_day_zone", String.class)).isEqualTo("Asia/Almaty");
        assertThat(answered(op, day)).isEqualTo(1);
        assertThat(answeredBetween(op, day + "T00:00", day.plusDays(2) + "T00:00")).isEqualTo(1);
    }

    private long answered(String op, LocalDate d) {
        return answeredIn("period=day&at=" + d, op);
    }

    private long answeredBetween(String op, String from, String to) {
        return answeredIn("period=custom&from=" + from + "&to=" + to, op);
    }

    private long answeredIn(String period, String op) {
        JsonNode body = api.get("/api/v1/stats/operators?" + period + "&operator=" + op, supervisor).json();
        long n = 0;
        for (JsonNode o : body.path("operators")) {
            n += o.path("answered").asLong();
        }
        return n;
    }

    private JsonNode hour(String local) {
        JsonNode body = api.get("/api/v1/stats/history?period=day&at=" + day + "&by=hour", supervisor).json();
        for (JsonNode row : body.path("rows")) {
            if (row.path("key").path("hour").asString().equals(day + "T" + local)) {
                return row.path("figures");
            }
        }
        return body.path("no-such-hour");
    }

    @Test
    void theHistoryExportsAsCsvWithAByteOrderMarkAndAsPdf() {
        call("12:00:00", "answered", 3, 20, false, "+77010000004");
        await().atMost(Duration.ofSeconds(20)).until(() -> interval("12:00") != null);
        Api.Response csv = api.get("/api/v1/stats/history.csv?period=day&at=" + day + "&by=hour&lang=kk", supervisor);
        assertThat(csv.status()).isEqualTo(200);
        byte[] bytes = csv.body().getBytes(StandardCharsets.UTF_8);
        assertThat(csv.body()).startsWith("\uFEFF").contains("Қабылданды").contains(day + "T12:00");
        assertThat(bytes.length).isPositive();
        Api.Response pdf = api.get("/api/v1/stats/history.pdf?period=day&at=" + day + "&lang=ru", supervisor);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void badParametersAreRefusedWithAClearProblem() {
        for (String q : new String[] {"period=year", "period=day&at=04.12.2026", "period=day&sl=75",
            "period=day&by=minute", "period=custom&from=2026-01-02&to=2026-01-01", "period=day&colour=red",
            "period=day&sl=abc"}) {
            Api.Response r = api.get("/api/v1/stats/history?" + q, supervisor);
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.code()).as(q).isEqualTo("invalid-request");
            assertThat(r.json().path("detail").asString()).as(q).isNotBlank();
        }
    }
}
