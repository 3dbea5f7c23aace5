package kz.line102.callcenter.stats;

import java.time.Clock;

import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import kz.line102.callcenter.incident.IncidentProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import redis.clients.jedis.UnifiedJedis;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The statistics' wiring; {@code /ws/stats} from pages of this same origin only (the default origin check). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatsProperties.class)
@EnableWebSocket
class StatsConfiguration implements WebSocketConfigurer {

    static final String PATH = "/ws/stats";

    private final ObjectProvider<StatsSocket> socket;

    StatsConfiguration(ObjectProvider<StatsSocket> socket) {
        this.socket = socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket.getObject(), PATH);
    }

    @Bean
    Evaluation statsEvaluation(StatsService stats, JdbcTemplate jdbc, JsonMapper json, ObjectProvider<Clock> clock) {
        return new Evaluation(stats, jdbc, json, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Breaches statsBreaches(AlertService alerts, UnifiedJedis redis, StatsProperties props, RedisKeys keys) {
        return new Breaches(alerts, redis, props, keys);
    }

    @Bean(destroyMethod = "close")
    LiveStats liveStats(JdbcCallFacts facts, JdbcIntervals intervals, JdbcTemplate jdbc, StatsProperties props, IncidentProperties centre,
                        UnifiedJedis redis, JsonMapper json, ObjectProvider<Clock> clock, RedisKeys keys,
                        Breaches breaches) {
        return new LiveStats(facts, intervals, jdbc, props, centre, redis, json, clock.getIfAvailable(Clock::systemUTC), keys,
                breaches);
    }

    @Bean
    StatsRelay statsRelay(RedisProperties redis, RedisKeys keys, JsonMapper json, LiveStats live) {
        return new StatsRelay(redis, keys, json, live);
    }

    @Bean
    StatsSocket statsSocket(StatsRelay relay, LiveStats live, JsonMapper json) {
        return new StatsSocket(relay, live, json);
    }

    /** The windows slide with the clock: a quiet queue's figures still move. */
    @Bean
    LiveTicker statsLiveTicker(LiveStats live) {
        return new LiveTicker(live);
    }

    static class LiveTicker {
        private final LiveStats live;

        LiveTicker(LiveStats live) {
            this.live = live;
        }

        @Scheduled(fixedDelayString = "${line102.callcenter.stats.tick:15s}", initialDelayString = "5s")
        void tick() {
            live.tick();
        }
    }

    @Bean
    JdbcCallFacts statsCallFacts(JdbcTemplate jdbc, StatsProperties props) {
        return new JdbcCallFacts(jdbc, props);
    }

    @Bean
    JdbcIntervals statsIntervals(JdbcTemplate jdbc, JsonMapper json, IncidentProperties centre) {
        return new JdbcIntervals(jdbc, json, centre.zone());
    }

    @Bean
    IntervalDrain statsIntervalDrain(JdbcTemplate jdbc, PlatformTransactionManager tx, JdbcCallFacts facts,
                                     JdbcIntervals intervals, StatsProperties props, ObjectProvider<Clock> clock) {
        return new IntervalDrain(jdbc, new TransactionTemplate(tx), facts, intervals, props,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    StatsService statsService(JdbcIntervals intervals, JdbcCallFacts facts, StatsProperties props,
                              IncidentProperties centre, ObjectProvider<Clock> clock) {
        return new StatsService(intervals, facts, props, centre, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    WallboardSettings statsWallboardSettings(JdbcTemplate jdbc, StatsProperties props) {
        return new WallboardSettings(jdbc, props);
    }
}
