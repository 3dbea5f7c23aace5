package kz.line102.callcenter.caller;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallerProperties.class)
class CallerConfiguration {

    @Bean
    PhoneNumbers phoneNumbers() {
        return new PhoneNumbers();
    }
}
