package kz.line102.cti.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The RTP meter against an echo that loses every fifth packet: loss counted exactly, the rest measured. */
class RtpEchoTest {

    @Test
    void anEchoThatDropsEveryFifthPacketShowsTwentyPercentLoss() throws Exception {
        try (DatagramSocket far = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             RtpEcho rtp = new RtpEcho("127.0.0.1")) {
            far.setSoTimeout(2000);
            Thread echo = new Thread(() -> {
                byte[] buf = new byte[2048];
                try {
                    for (int n = 1; n <= 25; n++) {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        far.receive(p);
                        if (n % 5 != 0) {
                            far.send(new DatagramPacket(buf, p.getLength(), p.getSocketAddress()));
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the test ends the echo by closing its socket
                }
            }, "test-lossy-echo");
            echo.start();
            RtpStats s = rtp.run((InetSocketAddress) far.getLocalSocketAddress(), Duration.ofMillis(500),
                    Duration.ofMillis(300), () -> false);
            assertThat(s.sent()).isEqualTo(25);
            assertThat(s.received()).isEqualTo(20);
            assertThat(s.lossPct()).isEqualTo(20.0);
            assertThat(s.meanRttMs()).isPositive();
            assertThat(s.maxRttMs()).isGreaterThanOrEqualTo(s.meanRttMs());
            assertThat(s.foreign()).isZero();
            echo.join(1000);
        }
    }
}
