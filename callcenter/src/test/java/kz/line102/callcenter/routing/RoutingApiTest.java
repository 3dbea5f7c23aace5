package kz.line102.callcenter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The routing API over HTTP: import, dry-run, validation, versions, restore, audit. */
class RoutingApiTest extends RoutingTestSupport {

    private static final String TWO_RULES = """
            {"comment": "%s", "baseVersion": %s, "ruleSet": {"defaultQueue": "q102", "defaultPriority": 0, "rules": [
              {"name": "kcell", "when": {"numberPrefixes": ["+7701"]}, "queue": "%s", "priority": %d},
              {"name": "kazakh", "when": {"languages": ["kk"]}, "queue": "q102-kk", "priority": 2}]}}
            """;

    private JsonNode importExample() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/routing/import", Rules.example());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private JsonNode dryRun(String number, String language, OffsetDateTime at) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/routing/dry-run?number="
                + URLEncoder.encode(number, StandardCharsets.UTF_8) + (language == null ? "" : "&language=" + language)
                + "&at=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void theExampleRuleSetImportsCleanlyAndTheDryRunNamesTheDecidingRule() throws Exception {
        JsonNode saved = importExample();
        assertThat(saved.get("action").asString()).isEqualTo("import");
        assertThat(saved.get("createdBy").asString()).isEqualTo(ADMIN_USER);
        int version = saved.get("version").asInt();

        OffsetDateTime lateEvening = OffsetDateTime.of(2026, 11, 24, 23, 30, 0, 0, ZoneOffset.ofHours(5));
        // A fresh Astana landline in national format: the captured 87172123456 has history from other tests.
        String astana = "87172" + (100_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(899_999));
        JsonNode kazakh = dryRun(astana, "kk", lateEvening);
        assertThat(kazakh.get("version").asInt()).isEqualTo(version);
        assertThat(kazakh.get("queue").asString()).isEqualTo("q102-kk");
        assertThat(kazakh.get("reason").asString()).isEqualTo("rule:kazakh-speakers");
        assertThat(dryRun(astana, "ru", lateEvening).get("rule").asString())
                .isEqualTo("astana-landlines-at-night");
        JsonNode noon = dryRun(astana, "ru", lateEvening.withHour(12));
        assertThat(noon.get("reason").asString()).isEqualTo("default");
        assertThat(noon.get("e164").asString()).isEqualTo("+7" + astana.substring(1));
        assertThat(dryRun("anonymous", null, lateEvening).get("rule").asString())
                .isEqualTo("withheld-or-invalid-number");
    }

    @Test
    void repeatCallersAndCallBacksAreFoundInTheCallRecords() throws Exception {
        importExample();
        Instant now = Instant.now();
        String repeat = randomMobile();
        for (int i = 1; i <= 3; i++) {
            pastCall(repeat, now.minus(Duration.ofHours(i * 5L)), "answered");
        }
        pastCall(repeat, now.minus(Duration.ofHours(30)), "answered");
        String callBack = randomMobile();
        pastCall(callBack, now.minus(Duration.ofMinutes(20)), "abandoned");
        OffsetDateTime at = now.atOffset(ZoneOffset.ofHours(5));

        assertThat(dryRun(repeat, "ru", at).get("reason").asString()).isEqualTo("rule:repeat-caller");
        assertThat(dryRun(repeat, "ru", at).get("priority").asInt()).isEqualTo(7);
        assertThat(dryRun(callBack, "ru", at).get("reason").asString()).isEqualTo("rule:call-back-after-abandon");
        // Two hours later the abandoned call is no longer a reason to call back first.
        assertThat(dryRun(callBack, "ru", at.plusHours(2)).get("rule").isNull()).isTrue();
    }

    @Test
    void anInvalidRuleSetIsRefusedWithEveryViolationAndTheAttemptIsAudited() throws Exception {
        int before = routing.current().version();
        String unreachable = """
                {"ruleSet": {"defaultQueue": "q102", "defaultPriority": 0, "rules": [
                  {"name": "everyone", "queue": "q102", "priority": 1},
                  {"name": "kazakh", "when": {"languages": ["kk"]}, "queue": "q102-kk", "priority": 2},
                  {"name": "lost", "when": {"languages": ["ru"]}, "queue": "q-nowhere", "priority": 2}]}}
                """;
        HttpResponse<String> refused = send("PUT", "/api/v1/routing/rules", unreachable);

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = json(refused);
        assertThat(problem.get("code").asString()).isEqualTo("invalid-rule-set");
        JsonNode error = problem.get("errors").get(0);
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(error.get("field").asString()).isEqualTo("rules[2].queue");
        assertThat(error.get("code").asString()).isEqualTo("routing.unknown-queue");
        assertThat(error.get("args").get(0).asString()).isEqualTo("q-nowhere");
        assertThat(error.get("message").asString()).startsWith("There is no queue 'q-nowhere'.");
        assertThat(problem.get("reason").asString()).contains("rules[2].queue: unknown queue 'q-nowhere'");
        assertThat(routing.current().version()).isEqualTo(before);
        JsonNode audit = json(send("GET", "/api/v1/routing/audit?limit=1", null)).get(0);
        assertThat(audit.get("action").asString()).isEqualTo("rejected");
        assertThat(audit.get("detail").get("violations").toString()).contains("q-nowhere");

        String noQueueButUnreachable = unreachable.replace("q-nowhere", "q102");
        JsonNode inKazakh = json(send("PUT", "/api/v1/routing/rules", noQueueButUnreachable, "kk"))
                .get("errors").get(0);
        assertThat(inKazakh.get("field").asString()).isEqualTo("rules[1]");
        assertThat(inKazakh.get("code").asString()).isEqualTo("routing.unreachable-unconditional");
        assertThat(inKazakh.get("args").toString()).isEqualTo("[\"1\",\"everyone\"]");
        assertThat(inKazakh.get("message").asString())
                .isEqualTo("Ешқашан іске аспайды: 1-ереже 'everyone' шартсыз және барлық қоңырауды алады.");
    }

    @Test
    void validationAnswersEveryErrorAtItsFieldInTheRequestsLanguage() throws Exception {
        String bad = """
                {"defaultQueue": "q102", "defaultPriority": 0, "rules": [
                  {"name": "a", "when": {"languages": ["kk"], "from": "08:00"}, "queue": "q102-kk", "priority": 2},
                  {"name": "a", "when": {"queueLoad": {"queue": "q-gone", "minWaiting": 3}}, "queue": "q102", "priority": 1}]}""";
        JsonNode checked = json(send("POST", "/api/v1/routing/validate", bad, "ru"));
        assertThat(checked.get("errors").valueStream().map(e -> e.get("field").asString() + " "
                + e.get("code").asString()).toList()).containsExactlyInAnyOrder(
                "rules[0].when.to routing.time-pair", "rules[1].name routing.name-taken",
                "rules[1].when.queueLoad.queue routing.unknown-queue");
        assertThat(checked.get("errors").valueStream().map(e -> e.get("message").asString()).toList())
                .contains("Укажите и начало, и конец.", "Имя 'a' уже занято правилом выше.");
        assertThat(checked.get("violations")).hasSize(3);
        assertThat(checked.get("warnings")).isEmpty();
    }

    @Test
    void aMisspeltConditionOrBrokenJsonIsRefusedNotIgnored() throws Exception {
        HttpResponse<String> typo = send("POST", "/api/v1/routing/import", """
                {"defaultQueue": "q102", "defaultPriority": 0,
                 "rules": [{"name": "kazakh", "when": {"languagse": ["kk"]}, "queue": "q102-kk", "priority": 2}]}
                """);
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(json(typo).get("code").asString()).isEqualTo("invalid-request");
        assertThat(json(typo).get("detail").asString()).contains("languagse");
        assertThat(send("POST", "/api/v1/routing/import", "{\"rules\": [").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/v1/routing/import", "").statusCode()).isEqualTo(400);
        assertThat(json(send("GET", "/api/v1/routing/dry-run?number=1&at=yesterday", null)).get("code").asString())
                .isEqualTo("invalid-request");
    }

    @Test
    void everyChangeIsANewVersionWithWhatChangedAndAnOldOneCanBeRestored() throws Exception {
        int base = routing.current().version();
        HttpResponse<String> first = send("PUT", "/api/v1/routing/rules",
                TWO_RULES.formatted("kcell first", base, "q102", 5));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        int v1 = json(first).get("version").asInt();
        HttpResponse<String> second = send("PUT", "/api/v1/routing/rules",
                TWO_RULES.formatted("kcell to kazakh queue", v1, "q102-kk", 6));
        int v2 = json(second).get("version").asInt();

        assertThat(v2).isEqualTo(v1 + 1);
        JsonNode history = json(send("GET", "/api/v1/routing/versions/" + v2, null));
        assertThat(history.get("comment").asString()).isEqualTo("kcell to kazakh queue");
        assertThat(history.get("changes").toString()).isEqualTo("[\"changed rule kcell\"]");
        assertThat(history.get("createdAt").asString()).isNotBlank();

        HttpResponse<String> stale = send("PUT", "/api/v1/routing/rules", TWO_RULES.formatted("late", v1, "q102", 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("code").asString()).isEqualTo("rule-set-version-conflict");

        HttpResponse<String> restored = send("POST", "/api/v1/routing/versions/" + v1 + "/restore", null);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(201);
        JsonNode v3 = json(restored);
        assertThat(v3.get("version").asInt()).isEqualTo(v2 + 1);
        assertThat(v3.get("restoredFrom").asInt()).isEqualTo(v1);
        assertThat(v3.get("ruleSet")).isEqualTo(json(send("GET", "/api/v1/routing/versions/" + v1, null)).get("ruleSet"));
        assertThat(routing.dryRun("+77012345678", null, null).priority()).isEqualTo(5);
        assertThat(json(send("GET", "/api/v1/routing/versions?limit=3", null)).get(0).get("version").asInt())
                .isEqualTo(v2 + 1);
        assertThat(json(send("GET", "/api/v1/routing/audit?limit=1", null)).get(0).get("action").asString())
                .isEqualTo("restore");

        HttpResponse<String> missing = send("POST", "/api/v1/routing/versions/999999/restore", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("code").asString()).isEqualTo("no-such-rule-set-version");
    }

    @Test
    void aPartialOverlapBetweenRulesWithDifferentTargetsIsSavedButNeverSilent() throws Exception {
        String overlapping = """
                {"defaultQueue": "q102", "defaultPriority": 0, "rules": [
                  {"name": "kazakh", "when": {"languages": ["kk"]}, "queue": "q102-kk", "priority": 2},
                  {"name": "astana", "when": {"numberPrefixes": ["+77172"]}, "queue": "q102", "priority": 5}]}""";
        JsonNode checked = json(send("POST", "/api/v1/routing/validate", overlapping));
        assertThat(checked.get("violations")).isEmpty();
        assertThat(checked.get("errors")).isEmpty();
        JsonNode warning = checked.get("warnings").get(0);
        assertThat(warning.get("field").asString()).isEqualTo("rules[1]");
        assertThat(warning.get("code").asString()).isEqualTo("routing.overlap");
        assertThat(warning.get("message").asString())
                .isEqualTo("Overlaps rule 1 'kazakh': calls that match both go to q102-kk/2, not q102/5.");
        assertThat(json(send("POST", "/api/v1/routing/validate", overlapping, "kk")).get("warnings").get(0)
                .get("message").asString()).startsWith("1-ереже 'kazakh' қиылысады");

        HttpResponse<String> saved = send("PUT", "/api/v1/routing/rules",
                "{\"ruleSet\": " + overlapping + ", \"comment\": \"overlap\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved).get("version").asInt()).isPositive();
        assertThat(json(saved).get("warnings")).hasSize(1);
        assertThat(json(saved).get("warnings").get(0).get("code").asString()).isEqualTo("routing.overlap");
        JsonNode audit = json(send("GET", "/api/v1/routing/audit?limit=1", null)).get(0);
        assertThat(audit.get("detail").get("warnings").get(0).asString()).contains("'astana' overlaps rule 1");
    }
}
