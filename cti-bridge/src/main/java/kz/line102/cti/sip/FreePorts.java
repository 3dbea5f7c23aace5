package kz.line102.cti.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A port free for both UDP and TCP on an address. JAIN-SIP refuses port 0 for a
 * listening point, so the agent asks the kernel for a free one first; another process
 * may take it in between, which the agent meets by trying again.
 */
public final class FreePorts {

    private FreePorts() {
    }

    public static int udpAndTcp(String address) throws IOException {
        InetAddress addr = InetAddress.getByName(address);
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(addr, 0))) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.setReuseAddress(true);
                    tcp.bind(new InetSocketAddress(addr, port));
                    return port;
                } catch (IOException busy) {
                    last = busy;
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP on " + address, last);
    }

    /** Whether both the UDP and the TCP port are free on the address now. */
    static boolean free(String address, int port) {
        try {
            InetAddress addr = InetAddress.getByName(address);
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(addr, port));
                 ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(addr, port));
                return true;
            }
        } catch (IOException busy) {
            return false;
        }
    }
}
