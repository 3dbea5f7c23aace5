package kz.line102.callcenter.incident;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IncidentProperties.class)
class IncidentConfiguration {
}
