package kz.line102.callcenter.certification.recording;

import java.time.Clock;

import kz.line102.callcenter.archive.ArchiveAuditLog;
import kz.line102.recorder.RecordingService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InterviewRecordingProperties.class)
class InterviewRecordingConfiguration {

    @Bean
    InterviewRecordingService interviewRecordingService(RecordingService recordings, ArchiveAuditLog audit,
                                                        JdbcTemplate jdbc, JsonMapper json,
                                                        InterviewRecordingProperties props, Clock clock) {
        return new InterviewRecordingService(recordings, audit, jdbc, json, props, clock);
    }
}
