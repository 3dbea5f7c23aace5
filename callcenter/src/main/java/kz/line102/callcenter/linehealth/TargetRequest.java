package kz.line102.callcenter.linehealth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kz.line102.cti.sip.SipPeer;
import kz.line102.cti.sip.Transport;

/**
 * A target as IT staff send it. {@code version} is required on update (the version
 * they read), so two people editing the same target do not overwrite each other.
 */
record TargetRequest(String name, String host, Integer port, String transport, Integer intervalMs,
                     Integer timeoutMs, List<Integer> expectedCodes, Boolean enabled, Integer version) {

    /** Every problem with it, empty when it can be saved. */
    List<String> problems(LineHealthProperties props) {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            problems.add("'name' must be 1 to 100 characters");
        }
        if (transport == null || !List.of("udp", "tcp").contains(transport.toLowerCase(Locale.ROOT))) {
            problems.add("'transport' must be 'udp' or 'tcp'");
        }
        try {
            new SipPeer(host, port == null ? 0 : port, Transport.UDP);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (intervalMs == null || intervalMs < props.minInterval().toMillis() || intervalMs > 3_600_000) {
            problems.add("'intervalMs' must be between " + props.minInterval().toMillis() + " and 3600000");
        }
        if (timeoutMs == null || timeoutMs < 50 || timeoutMs > 60_000) {
            problems.add("'timeoutMs' must be between 50 and 60000");
        } else if (intervalMs != null && timeoutMs > intervalMs) {
            problems.add("'timeoutMs' must not exceed 'intervalMs' (one probe in flight per target)");
        }
        if (expectedCodes != null && (expectedCodes.isEmpty()
                || expectedCodes.stream().anyMatch(c -> c == null || c < 100 || c > 699))) {
            problems.add("'expectedCodes' must list SIP status codes (100-699)");
        }
        return problems;
    }

    String normalName() {
        return name.strip();
    }

    String normalTransport() {
        return transport.toLowerCase(Locale.ROOT);
    }

    List<Integer> codes() {
        return expectedCodes == null ? List.of(200) : expectedCodes.stream().distinct().sorted().toList();
    }

    boolean isEnabled() {
        return enabled == null || enabled;
    }
}
