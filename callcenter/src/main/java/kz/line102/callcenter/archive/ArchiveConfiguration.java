package kz.line102.callcenter.archive;

import java.time.Clock;

import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.recorder.RecordingService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RecorderSettings.class, ArchiveProperties.class, AuditProperties.class})
class ArchiveConfiguration {

    /**
     * Started with the context (resumes unfinished ingest, schedules the orphan sweep, purge
     * and integrity check), closed with it. Recordings no event announced are matched to
     * their calls through the call records of the PBX named {@code line102.cti.ami.pbx}.
     * The directories are checked at start-up except under the demo, dev and test
     * profiles (which keep them under the working directory).
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    RecordingService recordingService(RecorderSettings settings, DataSource ds, Clock clock, MeterRegistry meters,
                                      JdbcTemplate jdbc, Environment env,
                                      @Value("${line102.cti.ami.pbx:asterisk-1}") String pbx) {
        boolean relaxed = env.acceptsProfiles(Profiles.of("demo | dev | test"));
        return new RecordingService(settings.toRecorder(relaxed), ds, clock, meters,
                new CallRecordResolver(jdbc, List.of(pbx)));
    }

    /**
     * Makes Spring Security publish its refusals as events, so {@link RefusedAudioAuditor}
     * can log an operator's or supervisor's attempt at audio without the security table
     * letting them through to the controller.
     */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }
}
