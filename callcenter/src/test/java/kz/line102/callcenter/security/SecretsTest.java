package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Configuration records end up in log lines and error reports: their secrets never do. */
class SecretsTest {

    @Test
    void noSecretIsPrintedByTheSecurityConfigurationRecords() {
        SecurityProperties security = new SecurityProperties(10,
                new SecurityProperties.BootstrapAdmin("root", "bootstrap-secret-102"), false);
        assertThat(security.toString()).contains("root").doesNotContain("bootstrap-secret-102");
        NeedToKnowProperties needToKnow = new NeedToKnowProperties(10, Duration.ofHours(1), 10,
                "number-hmac-secret-102", false);
        assertThat(needToKnow.toString()).doesNotContain("number-hmac-secret-102").contains("numberKey=***");
    }
}
