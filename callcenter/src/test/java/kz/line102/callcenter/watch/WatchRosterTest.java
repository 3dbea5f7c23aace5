package kz.line102.callcenter.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The shift pattern with its rosters, the chief's break schedule and the rest after a watch. */
@CallcenterTest
class WatchRosterTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WatchProperties props;

    Api api;
    String chief;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "watch-admin", Role.ADMIN);
        chief = Api.user(users, "roster-chief", Role.SUPERVISOR);
    }

    private Response post(String path, String json) {
        return api.json("POST", path, chief, json);
    }

    @Test
    void aWatchShowsItsShiftsPeopleTheRestAfterItAndTheShiftsNextWatch() {
        String watch = WatchFixtures.freshWatch(jdbc, props);
        JsonNode before = api.get("/api/v1/watch/watches/" + watch, chief).json();
        int shift = before.get("shift").asInt();
        String name = "Сериков " + System.nanoTime();
        assertThat(post("/api/v1/watch/roster/shifts/" + shift + "/members",
                "{\"name\":\"" + name + "\",\"post\":\"Оперативный дежурный\"}").status()).isEqualTo(200);

        JsonNode roster = api.get("/api/v1/watch/watches/" + watch, chief).json().get("roster");
        assertThat(roster.get("shift").asInt()).isEqualTo(shift);
        assertThat(roster.get("onWatch").findValuesAsString("name")).contains(name);
        // Four shifts of 24 hours: each rests three days and is on again four days later.
        assertThat(roster.get("restHours").asLong()).isEqualTo((props.shifts() - 1L) * props.length().toHours());
        assertThat(roster.get("nextWatch").asString())
                .isEqualTo(LocalDateTime.parse(watch).plus(props.length().multipliedBy(props.shifts())).toString());
        assertThat(roster.get("all")).hasSize(props.shifts());
        // The next watch is another shift's: the name is not on it.
        String next = LocalDateTime.parse(watch).plus(props.length()).toString();
        assertThat(api.get("/api/v1/watch/watches/" + next, chief).json().get("roster").get("onWatch")
                .findValuesAsString("name")).doesNotContain(name);

        // Taken off the shift: a new row, the old one stays.
        assertThat(post("/api/v1/watch/roster/shifts/" + shift + "/removals", "{\"name\":\"" + name + "\"}").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/watch/watches/" + watch, chief).json().get("roster").get("onWatch")
                .findValuesAsString("name")).doesNotContain(name);
        assertThat(jdbc.queryForObject("select count(*) from watch_roster_changes where username = ?", Integer.class, name))
                .isEqualTo(2);
        Response again = post("/api/v1/watch/roster/shifts/" + shift + "/removals", "{\"name\":\"" + name + "\"}");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("not-on-roster");
    }

    @Test
    void theChiefsBreakScheduleIsInForceAndABadOneIsRefused() {
        Response set = post("/api/v1/watch/roster/breaks", "{\"breaks\":[\"12:30-13:15\",\"23:30-00:30\"]}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode view = api.get("/api/v1/watch/current", chief).json();
        assertThat(view.get("breaks").toString()).isEqualTo("[\"12:30-13:15\",\"23:30-00:30\"]");
        assertThat(view.get("roster").get("breaksSetBy").asString()).isEqualTo(chief);

        for (String bad : new String[] {"[\"25:00-26:00\"]", "[\"13:00\"]", "[\"12:00-13:00\",\"12:30-14:00\"]",
                "[\"08:00-16:00\"]"}) {
            Response r = post("/api/v1/watch/roster/breaks", "{\"breaks\":" + bad + "}");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.code()).isEqualTo("invalid-request");
        }
        // The refusals changed nothing.
        assertThat(api.get("/api/v1/watch/current", chief).json().get("breaks").toString())
                .isEqualTo("[\"12:30-13:15\",\"23:30-00:30\"]");
        assertThat(post("/api/v1/watch/roster/shifts/9/members", "{\"name\":\"x\"}").status()).isEqualTo(400);
        assertThat(post("/api/v1/watch/roster/shifts/1/members", "{\"name\":\" \"}").status()).isEqualTo(400);
    }
}
