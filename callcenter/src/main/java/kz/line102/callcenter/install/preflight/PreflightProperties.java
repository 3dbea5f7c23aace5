package kz.line102.callcenter.install.preflight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code line102.callcenter.preflight.*} (documented in conf/preflight.yml).
 *
 * @param onStart          run once at start-up, into the log and health
 * @param firstLinkWait    how long the start-up run waits for the AMI link's first attempt
 * @param clockTolerance   the most the PBX's, the database's and this node's clocks may differ
 * @param recordingQuiet   no new recording file for this long while calls were recorded is a warning
 * @param logTolerance     how much older than the newest call the newest CEL/queue_log row may be
 * @param agiHost          the address Asterisk reaches the routing service at, when the bind address
 *                         is a wildcard (as the globals file's {@code agi-host}); empty: compare port and script only
 * @param pbxRecordingDir  the PBX's path of the recording directory when it differs from the recorder's
 */
@ConfigurationProperties("line102.callcenter.preflight")
record PreflightProperties(@DefaultValue("true") boolean onStart, @DefaultValue("30s") Duration firstLinkWait,
                           @DefaultValue("2s") Duration clockTolerance, @DefaultValue("4h") Duration recordingQuiet,
                           @DefaultValue("2m") Duration logTolerance, @DefaultValue("") String agiHost,
                           @DefaultValue("") String pbxRecordingDir) {
}
