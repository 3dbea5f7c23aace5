package kz.line102.callcenter.linehealth;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.line-health.*}; every key is described in conf/application.yml.
 *
 * @param enabled        probe the targets and place scheduled test calls on this node
 * @param failuresToDown consecutive failed probes that put a target down
 * @param successesToUp  consecutive good probes that bring a down target back
 * @param window         recent probes looked at for "intermittent" (degraded)
 * @param slowRtt        a good probe slower than this makes the target degraded
 * @param minInterval    the shortest probe interval a target may have
 * @param lease          how long a node owns the targets it probes; renewed every third of it
 * @param keepProbes     probe results older than this are deleted
 * @param pruneInterval  how often they are
 * @param reloadInterval how often a node checks the database for a version of the target set it
 *                       was not told of over Redis
 * @param zone           the centre's time zone: the test calls' daily window is in it
 */
@Validated
@ConfigurationProperties("line102.callcenter.line-health")
record LineHealthProperties(@DefaultValue("true") boolean enabled,
                            @DefaultValue @Valid @NotNull Sip sip,
                            @DefaultValue("3") @Min(1) @Max(100) int failuresToDown,
                            @DefaultValue("2") @Min(1) @Max(100) int successesToUp,
                            @DefaultValue("10") @Min(1) @Max(100) int window,
                            @DefaultValue("500ms") @NotNull Duration slowRtt,
                            @DefaultValue("100ms") @NotNull Duration minInterval,
                            @DefaultValue("30s") @NotNull Duration lease,
                            @DefaultValue("30d") @NotNull Duration keepProbes,
                            @DefaultValue("1h") @NotNull Duration pruneInterval,
                            @DefaultValue @Valid @NotNull TestCall testCall,
                            @DefaultValue("30s") @NotNull Duration reloadInterval,
                            @DefaultValue("Asia/Almaty") @NotNull java.time.ZoneId zone) {

    /** The user agent: where it listens (the address the PBX and trunks can answer to). */
    record Sip(@DefaultValue("127.0.0.1") String bindAddress, @DefaultValue("0") @Min(0) @Max(65535) int port,
               @DefaultValue("1000") @Min(1) int maxInFlight, @DefaultValue("2") @Min(1) @Max(32) int stackThreads,
               @DefaultValue("line102-linehealth") String userAgent) {
    }

    /**
     * Synthetic test calls to the test number ({@code host} empty: none are placed).
     *
     * @param callerNumber    the From user of the INVITE, as the PBX shows it: the call record is found by it
     * @param interval        between scheduled test calls; 0 for on demand only
     * @param media           how long RTP is sent
     * @param maxLossPct      more lost echo packets than this fails the call
     * @param eventsBudget    how long its first AMI event may take to come through the stream (from the start)
     * @param callRecordBudget how long our call record of it may take to appear
     * @param routingBudget   how long the routing service (FastAGI) may take to answer it
     * @param recordingBudget how long its recording may take to be archived
     * @param requireCallRecord fail the test call when a step on our side is over its budget (a PBX
     *                        that reports to us); otherwise the steps are shown but do not fail it
     */
    record TestCall(@DefaultValue("") String host, @DefaultValue("5060") @Min(1) @Max(65535) int port,
                    @DefaultValue("udp") String transport, @DefaultValue("102999") String number,
                    @DefaultValue("line102test") String callerNumber, @DefaultValue("0s") @NotNull Duration interval,
                    @DefaultValue("5s") @NotNull Duration answerTimeout, @DefaultValue("2s") @NotNull Duration media,
                    @DefaultValue("3s") @NotNull Duration byeTimeout, @DefaultValue("5") double maxLossPct,
                    @DefaultValue("10s") @NotNull Duration eventsBudget,
                    @DefaultValue("30s") @NotNull Duration callRecordBudget,
                    @DefaultValue("10s") @NotNull Duration routingBudget,
                    @DefaultValue("120s") @NotNull Duration recordingBudget,
                    @DefaultValue("false") boolean requireCallRecord) {

        boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
