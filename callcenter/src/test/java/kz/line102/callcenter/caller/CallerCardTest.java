package kz.line102.callcenter.caller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.caller.bulk.SubscriberImporter;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

@CallcenterTest
class CallerCardTest {

    @LocalServerPort
    int port;
    @Autowired
    CallerCardService cards;
    @Autowired
    SubscriberCache cache;
    @Autowired
    SubscriberImporter importer;
    @Autowired
    UserService users;
    @Autowired
    kz.line102.callcenter.security.RateLimiter limiter;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnifiedJedis redis;
    @Autowired
    JdbcSubscriberRepository subscribers;
    @Autowired
    JsonMapper json;
    @Autowired
    CallerProperties props;
    @Autowired
    RedisKeys keys;

    String e164;
    String local;
    Instant now;

    @BeforeEach
    void setUp() {
        String national = "702" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        e164 = "+7" + national;
        local = "8 " + national.substring(0, 3) + " " + national.substring(3);
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void theCardJoinsTheRegistryEntryAndTheCallsOfTheLastDayAndMonth() throws IOException {
        load("number,name,address,lat,lon\n%s,Серік Әбілқайыр,\"Астана, Мәңгілік Ел 8\",51.09,71.41\n".formatted(e164));
        call(e164, "answered", now.minus(Duration.ofDays(40)));
        call(e164, "abandoned", now.minus(Duration.ofDays(10)));
        call(e164, "answered", now.minus(Duration.ofHours(2)));
        call(e164, "abandoned", now.minus(Duration.ofMinutes(30)));

        CallerCard card = cards.cardFor(local);
        assertThat(card.numberRaw()).isEqualTo(local);
        assertThat(card.numberE164()).isEqualTo(e164);
        assertThat(card.numberStatus()).isEqualTo("valid");
        assertThat(card.subscriber().holderName()).isEqualTo("Серік Әбілқайыр");
        assertThat(card.subscriber().address()).isEqualTo("Астана, Мәңгілік Ел 8");
        assertThat(card.subscriber().lat()).isEqualTo(51.09);
        assertThat(card.subscriber().lon()).isEqualTo(71.41);
        assertThat(card.callsLast24h()).isEqualTo(2);
        assertThat(card.callsLast30d()).isEqualTo(3);
        assertThat(card.recentCalls()).extracting(CallerCard.RecentCall::outcome)
                .containsExactly("abandoned", "answered", "abandoned");
        assertThat(card.lastAbandonedAt()).isEqualTo(now.minus(Duration.ofMinutes(30)));
        assertThat(card.callbackCandidate()).isTrue();
        assertThat(card.repeatCaller()).isTrue();
    }

    @Test
    void anAbandonedCallAnsweredSinceIsNoLongerACallBackAndOneCallIsNoRepeat() {
        call(e164, "abandoned", now.minus(Duration.ofMinutes(50)));
        call(e164, "answered", now.minus(Duration.ofMinutes(20)));
        CallerCard card = cards.cardFor(e164);
        assertThat(card.lastAbandonedAt()).isNotNull();
        assertThat(card.callbackCandidate()).isFalse();
        assertThat(card.subscriber()).isNull();

        String other = "+7705" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        call(other, null, now);
        CallerCard single = cards.cardFor(other);
        assertThat(single.callsLast24h()).isEqualTo(1);
        assertThat(single.repeatCaller()).isFalse();
        assertThat(single.recentCalls().get(0).outcome()).isEqualTo("in-progress");
    }

    @Test
    void theSubscriberIsCachedAndAReimportIsSeenAtOnce() throws IOException {
        load("number,name\n%s,Old Name\n".formatted(e164));
        assertThat(cache.find(e164).source()).isEqualTo(SubscriberCache.Source.DATABASE);
        assertThat(cache.find(e164).source()).isEqualTo(SubscriberCache.Source.CACHE);
        String generation = redis.get(cache.GENERATION);
        assertThat(redis.exists(cache.PREFIX + (generation == null ? "0" : generation) + ":" + e164)).isTrue();

        load("number,name\n%s,New Name\n".formatted(e164));
        assertThat(cards.cardFor(e164).subscriber().holderName()).isEqualTo("New Name");
    }

    @Test
    void anUnknownNumberIsCachedAsAbsentUntilTheRegistryLearnsIt() throws IOException {
        assertThat(cards.cardFor(e164).subscriber()).isNull();
        assertThat(cache.find(e164).source()).isEqualTo(SubscriberCache.Source.CACHE);
        load("number,name\n%s,Now Known\n".formatted(e164));
        assertThat(cards.cardFor(e164).subscriber().holderName()).isEqualTo("Now Known");
    }

    @Test
    void withheldAndUnreadableNumbersStillGetACard() {
        CallerCard withheld = cards.cardFor("anonymous");
        assertThat(withheld.numberStatus()).isEqualTo("withheld");
        assertThat(withheld.callsLast30d()).isZero();
        assertThat(withheld.repeatCaller()).isFalse();

        String garbage = "abc-" + ThreadLocalRandom.current().nextInt(1_000_000);
        call(garbage, "answered", now.minus(Duration.ofHours(1)));
        CallerCard invalid = cards.cardFor(garbage);
        assertThat(invalid.numberStatus()).isEqualTo("invalid");
        assertThat(invalid.numberE164()).isNull();
        assertThat(invalid.callsLast24h()).as("matched by the raw form").isEqualTo(1);
        assertThat(cards.cardFor(null).numberStatus()).isEqualTo("withheld");
    }

    @Test
    void theApiNormalisesTheUrlEncodedNumberAndRefusesAbsurdOnes() throws IOException {
        load("number,name\n%s,Қуаныш\n".formatted(e164));
        String operator = Api.user(users, "card-operator", Role.OPERATOR);
        Api api = new Api(port);
        // None of these numbers is on the operator's calls: each lookup states a reason (need to know).
        limiter.reset(CallerCardService.LOOKUPS, operator);
        String reason = "?reason=normalisation%20check";
        Response plus = api.get("/api/v1/callers/" + e164.replace("+", "%2B") + reason, operator);
        assertThat(plus.status()).isEqualTo(200);
        assertThat(plus.json().path("subscriber").path("holderName").asString()).isEqualTo("Қуаныш");
        Response spaced = api.get("/api/v1/callers/" + local.replace(" ", "%20") + reason, operator);
        assertThat(spaced.json().path("numberE164").asString()).isEqualTo(e164);
        assertThat(api.get("/api/v1/callers/%D0%B0%D0%B1%D0%B2" + reason, operator).json().path("numberStatus").asString())
                .isEqualTo("invalid");
        Response huge = api.get("/api/v1/callers/" + "7".repeat(200), operator);
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.code()).isEqualTo("invalid-request");
    }

    @Test
    void withoutRedisTheSubscriberComesFromPostgresql() throws IOException {
        load("number,name\n%s,Redis Down\n".formatted(e164));
        try (UnifiedJedis dead = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", 1))
                .clientConfig(DefaultJedisClientConfig.builder().timeoutMillis(200).build()).build()) {
            SubscriberCache noRedis = new SubscriberCache(dead, subscribers, json, props, keys);
            SubscriberCache.Lookup lookup = noRedis.find(e164);
            assertThat(lookup.source()).isEqualTo(SubscriberCache.Source.DATABASE);
            assertThat(lookup.subscriber()).hasValueSatisfying(s -> assertThat(s.holderName()).isEqualTo("Redis Down"));
            noRedis.registryChanged();
        }
    }

    private void load(String csv) throws IOException {
        importer.load(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test");
    }

    private void call(String number, String outcome, Instant offeredAt) {
        PhoneNumbers.NormalizedNumber n = new PhoneNumbers().normalize(number);
        jdbc.update("""
                insert into calls (id, caller_number, caller_number_e164, caller_number_status, outcome, offered_at)
                values (?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), number, n.e164(), n.status().code(), outcome,
                Timestamp.from(offeredAt));
    }
}
