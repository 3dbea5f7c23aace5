package kz.line102.cti.sip;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where requests go: a host (name or IP literal), a port and a transport.
 *
 * @param user the user part of the request URI (a number to call), or null for the host itself
 */
public record SipPeer(String host, int port, Transport transport, String user) {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]{1,253}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9+*#._\\-]{1,64}");

    public SipPeer {
        Objects.requireNonNull(transport, "transport");
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("SIP host must be a host name or an IP address, got '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SIP port must be 1..65535, got " + port);
        }
        if (user != null && !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("SIP user must be digits, letters or +*#._-, got '" + user + "'");
        }
    }

    public SipPeer(String host, int port, Transport transport) {
        this(host, port, transport, null);
    }

    @Override
    public String toString() {
        return (user == null ? "" : user + "@") + host + ":" + port + ";" + transport.sipName();
    }
}
