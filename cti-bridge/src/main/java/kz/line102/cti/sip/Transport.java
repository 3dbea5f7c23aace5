package kz.line102.cti.sip;

import java.util.Locale;

/** The SIP transports a probe or a test call may use. */
public enum Transport {
    UDP, TCP;

    /** The name JAIN-SIP and the Via header use ({@code udp}, {@code tcp}). */
    String sipName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Transport of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("transport must be udp or tcp, got '" + name + "'");
        }
    }
}
