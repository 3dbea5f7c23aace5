package kz.line102.callcenter.cti;

import kz.line102.cti.ami.AmiConnector;
import kz.line102.cti.ami.AmiHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The AMI link in {@code /actuator/health} as {@code ami}: DOWN while this node should
 * hold the link to the PBX and is not logged in; a standby (another node holds the link
 * under the lease) is UP with {@code role: standby}, whether its commands-only session is
 * up or not shown in {@code state}.
 * Down with {@code configured=false} when no PBX is configured at all.
 */
final class AmiLinkHealth implements HealthIndicator {

    private final AmiConnector connector;

    private final boolean configured;

    AmiLinkHealth(AmiConnector connector, boolean configured) {
        this.connector = connector;
        this.configured = configured;
    }

    @Override
    public Health health() {
        AmiHealth h = connector.health();
        if (!configured) {
            return Health.down().withDetail("configured", false).withDetail("pbx", h.pbx())
                    .withDetail("reason", "no PBX configured (line102.cti.ami.host)").build();
        }
        Health.Builder b = h.connected() || h.standby() ? Health.up() : Health.down();
        b.withDetail("pbx", h.pbx()).withDetail("role", h.role()).withDetail("state", h.state().name())
                .withDetail("since", String.valueOf(h.since()));
        if (h.lastError() != null) {
            b.withDetail("lastError", h.lastError()).withDetail("lastErrorAt", String.valueOf(h.lastErrorAt()));
        }
        return b.build();
    }
}
