package kz.line102.callcenter.queue;

import static org.assertj.core.api.Assertions.assertThat;

import kz.line102.callcenter.Api.Response;
import org.junit.jupiter.api.Test;

/** The queue configuration over HTTP: versions, validation, the routing rules' queue list, queues.conf. */
class QueueConfigApiTest extends QueueTestSupport {

    private static final String KZ_EN = """
            {"comment": "english line", "baseVersion": %d, "config": {"queues": [
              {"name": "q102", "strategy": "linear", "timeoutSeconds": 6, "retrySeconds": 1, "wrapUpSeconds": 15,
               "serviceLevelSeconds": 20, "maxLen": 0, "everyOperator": true, "members": []},
              {"name": "q102-kk", "strategy": "linear", "timeoutSeconds": 6, "retrySeconds": 1, "wrapUpSeconds": 15,
               "serviceLevelSeconds": 20, "maxLen": 0, "everyOperator": false, "members": [{"operator": "aigerim", "penalty": 1}]},
              {"name": "q102-en", "strategy": "rrmemory", "timeoutSeconds": 8, "retrySeconds": 2, "wrapUpSeconds": 30,
               "serviceLevelSeconds": 30, "maxLen": 10, "everyOperator": false, "members": []}]}}""";

    @Test
    void aSavedConfigurationIsANewVersionRenderedAsQueuesConfAndTheRoutingRulesMayNameItsQueues() {
        String rule = """
                {"ruleSet": {"defaultQueue": "q102", "defaultPriority": 0, "rules": [
                  {"name": "english", "when": {"languages": ["en"]}, "queue": "q102-en", "priority": 1}]}}""";
        Response before = api.json("PUT", "/api/v1/routing/rules", admin, rule);
        assertThat(before.status()).isEqualTo(422);
        assertThat(before.json().path("errors").get(0).path("field").asString()).isEqualTo("rules[0].queue");
        assertThat(before.json().path("errors").get(0).path("code").asString()).isEqualTo("routing.unknown-queue");

        int base = api.get("/api/v1/queues/config", admin).json().path("version").asInt();
        Response saved = api.json("PUT", "/api/v1/queues/config", admin, KZ_EN.formatted(base));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("version").asInt()).isEqualTo(base + 1);
        assertThat(saved.json().path("changes").toString()).contains("added queue q102-en");
        assertThat(saved.json().path("createdBy").asString()).isEqualTo(admin);

        Response conf = api.get("/api/v1/queues/queues.conf", admin);
        assertThat(conf.status()).isEqualTo(200);
        assertThat(conf.header("Content-Type")).startsWith("text/plain");
        assertThat(conf.body()).contains("[q102-en]\nstrategy = rrmemory\n").contains("maxlen = 10\n")
                .contains("aigerim (1)");

        assertThat(api.json("PUT", "/api/v1/routing/rules", admin, rule).status()).isEqualTo(200);
        Response removeRouted = api.json("PUT", "/api/v1/queues/config", admin,
                "{\"config\": " + configJson(configBeforeWithout()) + "}");
        assertThat(removeRouted.status()).isEqualTo(422);
        assertThat(problems(removeRouted)).containsExactly("queues queue.still-routed [q102-en, english]");
        // Back to rules without q102-en, so the configuration can be put back.
        assertThat(api.json("PUT", "/api/v1/routing/rules", admin,
                "{\"ruleSet\": {\"defaultQueue\": \"q102\", \"defaultPriority\": 0, \"rules\": []}}").status())
                .isEqualTo(200);

        Response stale = api.json("PUT", "/api/v1/queues/config", admin, KZ_EN.formatted(base));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("queue-config-version-conflict");

        Response restored = api.json("POST", "/api/v1/queues/config/versions/" + base + "/restore", admin, null);
        assertThat(restored.status()).as(restored.body()).isEqualTo(201);
        assertThat(restored.json().path("restoredFrom").asInt()).isEqualTo(base);
        assertThat(api.get("/api/v1/queues/config/versions?limit=5", admin).json().get(0).path("version").asInt())
                .isEqualTo(base + 2);
        assertThat(api.get("/api/v1/queues/config/audit?limit=1", admin).json().get(0).path("action").asString())
                .isEqualTo("restore");
    }

    @Test
    void everyProblemOfABadConfigurationIsListedAndNothingIsSaved() {
        assertThat(api.json("PUT", "/api/v1/routing/rules", admin, """
                {"ruleSet": {"defaultQueue": "q102", "defaultPriority": 0, "rules": [
                  {"name": "kazakh", "when": {"languages": ["kk"]}, "queue": "q102-kk", "priority": 2}]}}""")
                .status()).isEqualTo(200);
        int before = config.current().version();
        Response r = api.json("PUT", "/api/v1/queues/config", admin, """
                {"config": {"queues": [
                  {"name": "q102", "strategy": "roundrobin", "timeoutSeconds": 0, "retrySeconds": 1, "wrapUpSeconds": -1,
                   "serviceLevelSeconds": 20, "maxLen": 0, "everyOperator": true,
                   "members": [{"operator": "a b", "penalty": 0}, {"operator": "x", "penalty": 5000}]},
                  {"name": "q102", "strategy": "linear", "timeoutSeconds": 6, "retrySeconds": 1, "wrapUpSeconds": 0,
                   "serviceLevelSeconds": 20, "maxLen": 0, "everyOperator": false, "members": []},
                  {"name": "general", "strategy": "linear", "timeoutSeconds": 6, "retrySeconds": 1, "wrapUpSeconds": 0,
                   "serviceLevelSeconds": 20, "maxLen": 0, "everyOperator": false, "members": []}]}}""");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("invalid-queue-config");
        assertThat(problems(r)).containsExactlyInAnyOrder(
                "queues[0].strategy queue.strategy [fewestcalls, leastrecent, linear, random, ringall, rrmemory, "
                        + "rrordered, wrandom]",
                "queues[0].timeoutSeconds queue.range [1, 600, 0]",
                "queues[0].wrapUpSeconds queue.range [0, 3600, -1]",
                "queues[0].members[0].operator queue.member-name [a b]",
                "queues[0].members[1].penalty queue.range [0, 1000, 5000]",
                "queues[1].name queue.name-taken [q102]",
                "queues[2].name queue.name-format []",
                "queues queue.still-routed [q102-kk, kazakh]");
        assertThat(r.json().path("errors").get(2).path("message").asString()).as("Russian: no Accept-Language").isEqualTo("От 0 до 3600, а не -1.");
        assertThat(r.json().path("violations").toString()).contains("queues[0].wrapUpSeconds: must be 0..3600, not -1");
        assertThat(config.current().version()).isEqualTo(before);
        assertThat(api.json("PUT", "/api/v1/queues/config", admin, "{\"config\": {\"queues\": [], \"x\": 1}}")
                .status()).isEqualTo(400);
        assertThat(problems(api.json("POST", "/api/v1/queues/config/validate", admin, "{\"queues\": []}")))
                .containsExactly("queues queue.none []");
        assertThat(api.get("/api/v1/queues/config/versions/999999", admin).code())
                .isEqualTo("no-such-queue-config-version");
        assertThat(api.get("/api/v1/queues/config/audit?limit=1", admin).json().get(0).path("action").asString())
                .isEqualTo("rejected");
    }

    /** The answer's errors as "field code [args]". */
    private static java.util.List<String> problems(Response r) {
        return r.json().path("errors").valueStream().map(e -> e.path("field").asString() + " "
                + e.path("code").asString() + " " + e.path("args").valueStream().map(a -> a.asString()).toList())
                .toList();
    }

    private QueueConfig configBeforeWithout() {
        return new QueueConfig(config.config().queues().stream().filter(q -> !q.name().equals("q102-en")).toList());
    }

    private String configJson(QueueConfig c) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(c);
    }
}
