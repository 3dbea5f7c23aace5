package kz.line102.callcenter.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.security.*}.
 *
 * @param bcryptStrength   log2 of bcrypt's rounds for new hashes (existing hashes keep theirs)
 * @param bootstrapAdmin   the first administrator, created at start-up only while no enabled
 *                         administrator exists; both from the environment
 * @param demoUsers        seed the marked demo users (only the {@code demo} profile sets it)
 */
@Validated
@ConfigurationProperties("line102.callcenter.security")
public record SecurityProperties(@Min(4) @Max(31) int bcryptStrength, BootstrapAdmin bootstrapAdmin,
                                 boolean demoUsers) {

    public SecurityProperties {
        bootstrapAdmin = bootstrapAdmin == null ? new BootstrapAdmin(null, null) : bootstrapAdmin;
    }

    /** Spelled out so that a secret added later is not printed by the record's default. */
    @Override
    public String toString() {
        return "SecurityProperties[bcryptStrength=" + bcryptStrength + ", bootstrapAdmin=" + bootstrapAdmin
                + ", demoUsers=" + demoUsers + "]";
    }

    /** Empty username or password: no bootstrap. */
    public record BootstrapAdmin(String username, String password) {

        boolean given() {
            return username != null && !username.isBlank() && password != null && !password.isEmpty();
        }

        @Override
        public String toString() {
            return "BootstrapAdmin[username=" + username + ", password=***]";
        }
    }
}
