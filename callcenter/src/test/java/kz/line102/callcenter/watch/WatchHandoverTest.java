package kz.line102.callcenter.watch;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The hand-over of a watch over HTTP: the inventory, shortcomings into the Book, both signatures, the closed watch. */
@CallcenterTest
class WatchHandoverTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WatchProperties props;

    Api api;
    String outgoing;
    String incoming;
    String watch;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "watch-admin", Role.ADMIN);
        outgoing = Api.user(users, "watch-outgoing", Role.SUPERVISOR);
        incoming = Api.user(users, "watch-incoming", Role.SUPERVISOR);
        watch = WatchFixtures.freshWatch(jdbc, props);
    }

    private Response post(String path, String user, String json) {
        return api.json("POST", path, user, json);
    }

    private long addItem(String kind, String title, String serial) {
        Response r = post("/api/v1/watch/watches/" + watch + "/handover/items", outgoing,
                "{\"kind\":\"" + kind + "\",\"title\":\"" + title + "\"" + (serial == null ? "" : ",\"serialNumber\":\""
                        + serial + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode items = r.json().get("items");
        return items.get(items.size() - 1).get("id").asLong();
    }

    private Response check(long item, String result, String note) {
        return post("/api/v1/watch/handover/items/" + item + "/checks", incoming,
                "{\"result\":\"" + result + "\"" + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}");
    }

    private Response sign(String user, String side) {
        return post("/api/v1/watch/watches/" + watch + "/handover/signatures", user, "{\"side\":\"" + side + "\"}");
    }

    @Test
    void aMissingItemBlocksTheAcceptanceUntilItsShortcomingIsWrittenAndFixed() {
        addItem("BRIEFING", "Розыск по ориентировке 12, операция «Мак» на контроле", null);
        addItem("DOCUMENT", "Пакет оповещения № 3", null);
        String serial = "ЛА" + System.nanoTime();
        long pistol = addItem("PROPERTY", "Пистолет ПМ", serial);

        Response early = sign(incoming, "INCOMING");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("handover-incomplete");

        Response noNote = check(pistol, "MISSING", null);
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(check(pistol, "MISSING", "Пистолет не сдан: в ремонте у оружейника").status()).isEqualTo(200);
        for (JsonNode item : api.get("/api/v1/watch/watches/" + watch, incoming).json().get("items")) {
            if (item.get("id").asLong() != pistol) {
                assertThat(check(item.get("id").asLong(), "PRESENT", null).status()).isEqualTo(200);
            }
        }
        assertThat(sign(incoming, "INCOMING").code()).isEqualTo("handover-incomplete");

        assertThat(check(pistol, "PRESENT", "Пистолет получен от оружейника, номер сверен").status()).isEqualTo(200);
        JsonNode book = api.get("/api/v1/watch/journals/official-reports/entries?q="
                + java.net.URLEncoder.encode(serial, java.nio.charset.StandardCharsets.UTF_8), incoming).json();
        assertThat(book).hasSize(2);
        assertThat(book.get(0).get("fields").get("result").asString()).isEqualTo("FIXED");
        assertThat(book.get(1).get("fields").get("result").asString()).isEqualTo("MISSING");
        assertThat(book.get(1).get("itemId").asLong()).isEqualTo(pistol);

        JsonNode view = sign(outgoing, "OUTGOING").json();
        assertThat(view.get("state").asString()).isEqualTo("handing-over");
        assertThat(view.get("inventoryComplete").asBoolean()).isTrue();
        Response twice = sign(outgoing, "INCOMING");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("same-officer");
        JsonNode done = sign(incoming, "INCOMING").json();
        assertThat(done.get("state").asString()).isEqualTo("handed-over");
        assertThat(done.get("signoffs")).hasSize(2);
        assertThat(done.get("signoffs").get(1).get("signedBy").asString()).isEqualTo(incoming);

        // The watch is closed: no entry, no item, no check, no second signature.
        Response late = post("/api/v1/watch/journals/notebook/entries", outgoing,
                "{\"watch\":\"" + watch + "\",\"text\":\"Запись после сдачи\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("watch-closed");
        assertThat(post("/api/v1/watch/watches/" + watch + "/handover/items", outgoing,
                "{\"kind\":\"DOCUMENT\",\"title\":\"Ещё\"}").code()).isEqualTo("handover-signed");
        assertThat(check(pistol, "PRESENT", null).code()).isEqualTo("handover-signed");
        assertThat(sign(incoming, "INCOMING").code()).isEqualTo("already-signed");
        assertThat(jdbc.queryForObject("select count(*) from watch_audit where action = 'entry-refused'"
                + " and detail->>'watch' = ? and detail->>'reason' = 'watch-closed'", Integer.class, watch)).isEqualTo(1);
    }

    @Test
    void anUnsignedOrHalfSignedHandOverLeavesTheWatchOpen() {
        long item = addItem("DOCUMENT", "Журнал учёта ориентировок", null);
        assertThat(api.get("/api/v1/watch/watches/" + watch, outgoing).json().get("state").asString()).isEqualTo("open");
        assertThat(sign(outgoing, "OUTGOING").status()).isEqualTo(200);
        // Only the outgoing officer signed: the watch still takes entries and the inventory is not accepted.
        Response entry = post("/api/v1/watch/journals/notebook/entries", outgoing,
                "{\"watch\":\"" + watch + "\",\"text\":\"Поступило указание начальника\"}");
        assertThat(entry.status()).isEqualTo(201);
        assertThat(sign(incoming, "INCOMING").code()).isEqualTo("handover-incomplete");
        JsonNode view = api.get("/api/v1/watch/watches/" + watch, incoming).json();
        assertThat(view.get("state").asString()).isEqualTo("handing-over");
        assertThat(view.get("items").get(0).get("id").asLong()).isEqualTo(item);
        assertThat(view.get("items").get(0).get("result").isNull()).isTrue();
        // The next watch shows that this one was not handed over.
        String next = java.time.LocalDateTime.parse(watch).plusDays(1).toString();
        JsonNode following = api.get("/api/v1/watch/watches/" + next, incoming).json();
        assertThat(following.get("previous").asString()).isEqualTo(watch);
        assertThat(following.get("previousState").asString()).isEqualTo("handing-over");
    }

    @Test
    void badHandOverInputIsRefusedClearly() {
        assertThat(post("/api/v1/watch/watches/" + watch + "/handover/items", outgoing,
                "{\"kind\":\"PROPERTY\",\"title\":\"Радиостанция\"}").code()).isEqualTo("invalid-request");
        assertThat(post("/api/v1/watch/watches/" + watch + "/handover/items", outgoing,
                "{\"kind\":\"WEAPON\",\"title\":\"x\"}").status()).isEqualTo(400);
        assertThat(post("/api/v1/watch/watches/" + watch + "/handover/items", outgoing,
                "{\"kind\":\"DOCUMENT\",\"title\":\"" + "я".repeat(props.maxText() + 1) + "\"}").status()).isEqualTo(400);
        assertThat(post("/api/v1/watch/watches/2026-12-04T09:15/handover/items", outgoing,
                "{\"kind\":\"DOCUMENT\",\"title\":\"x\"}").status()).isEqualTo(400);
        assertThat(post("/api/v1/watch/handover/items/999999999/checks", incoming, "{\"result\":\"PRESENT\"}").code())
                .isEqualTo("no-such-item");
        assertThat(sign(outgoing, "BOTH").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/watch/watches/yesterday", outgoing).status()).isEqualTo(400);
    }
}
