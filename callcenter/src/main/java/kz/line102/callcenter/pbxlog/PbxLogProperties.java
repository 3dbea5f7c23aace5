package kz.line102.callcenter.pbxlog;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.pbxlog.*}: reading the PBX's durable logs (CEL, queue_log,
 * CDR) to make the call records right after gaps. Every key is described in
 * {@code conf/application.yml}.
 *
 * @param enabled         whether passes run by themselves (at start, after each AMI
 *                        (re)connect, every {@code interval}); the sweeper's check works either way
 * @param pbx             the PBX whose logs these are: the same name as {@code line102.cti.ami.pbx},
 *                        so a call gets the same id from AMI and from the logs
 * @param schema          where Asterisk writes its tables (V70)
 * @param inboundContexts contexts whose caller channels are calls of the line (as the bridge's)
 * @param interval        time between periodic passes
 * @param window          how far back each pass reads
 * @param settle          a call whose newest row is younger than this waits for the next pass, so
 *                        AMI's own events of it come first and the logs only fill what they missed
 * @param maxCallAge      a call with no logged end whose last row is older than this is no longer
 *                        taken to be up (the PBX died and was not started again)
 * @param catchUp         after an outage longer than {@code window}, how far back the first pass
 *                        reads at most (from where the last finished pass left off)
 */
@Validated
@ConfigurationProperties("line102.callcenter.pbxlog")
public record PbxLogProperties(boolean enabled, @NotBlank String pbx, @NotBlank String schema,
                               @NotEmpty Set<String> inboundContexts, @NotNull Duration interval,
                               @NotNull Duration window, @NotNull Duration settle, @NotNull Duration maxCallAge,
                               @NotNull Duration catchUp) {
}
