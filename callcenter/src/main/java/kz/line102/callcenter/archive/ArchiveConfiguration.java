package kz.line102.callcenter.archive;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.recorder.RecordingService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RecorderSettings.class, ArchiveProperties.class})
class ArchiveConfiguration {

    /** Started with the context (resumes unfinished ingest, schedules purge and integrity), closed with it. */
    @Bean(initMethod = "start", destroyMethod = "close")
    RecordingService recordingService(RecorderSettings settings, DataSource ds, Clock clock, MeterRegistry meters) {
        return new RecordingService(settings.toRecorder(), ds, clock, meters);
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
