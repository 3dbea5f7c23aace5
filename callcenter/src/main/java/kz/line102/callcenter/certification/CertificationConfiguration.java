package kz.line102.callcenter.certification;

import kz.line102.callcenter.app.JdbcAuditTrail;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableConfigurationProperties(CertificationProperties.class)
class CertificationConfiguration {

    @Bean
    DueRules certificationDueRules(CertificationProperties props) {
        return new DueRules(props.rules());
    }

    @Bean
    CertificationAudit certificationAudit(JdbcTemplate jdbc, JsonMapper json) {
        return new CertificationAudit(new JdbcAuditTrail(jdbc, json, "certification_audit"));
    }
}
