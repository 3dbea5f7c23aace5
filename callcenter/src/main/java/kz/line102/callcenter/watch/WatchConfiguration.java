package kz.line102.callcenter.watch;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WatchProperties.class, SeriousReportProperties.class})
class WatchConfiguration {
}
