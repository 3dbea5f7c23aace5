package kz.line102.cti.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Sends 20 ms PCMU packets to the far end and measures what comes back: the far end
 * of a test call echoes the audio (Asterisk's Echo(), sipp's -rtp_echo). The sender
 * runs on the caller's thread paced by the clock; the receiver on its own thread,
 * which ends with the socket.
 */
final class RtpEcho implements AutoCloseable {

    private static final int PTIME_MS = 20;
    private static final int SAMPLES = 160;
    private static final int HEADER = 12;

    private final DatagramSocket socket;

    RtpEcho(String bindAddress) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(bindAddress), 0));
        socket.setSoTimeout(50);
    }

    int port() {
        return socket.getLocalPort();
    }

    /**
     * Sends for {@code media}, then listens {@code grace} more for late echoes.
     * {@code stop} true ends the sending early (the far end hung up).
     */
    RtpStats run(InetSocketAddress remote, Duration media, Duration grace, BooleanSupplier stop)
            throws InterruptedException {
        int count = (int) Math.max(1, media.toMillis() / PTIME_MS);
        long[] sentAt = new long[count];
        Arrays.fill(sentAt, -1);
        int ssrc = ThreadLocalRandom.current().nextInt();
        int seq0 = ThreadLocalRandom.current().nextInt(0x10000);
        Receiver receiver = new Receiver(sentAt, ssrc, seq0);
        Thread t = new Thread(receiver, "line102-rtp-echo-" + port());
        t.setDaemon(true);
        t.start();
        int sent = 0;
        long start = System.nanoTime();
        byte[] packet = new byte[HEADER + SAMPLES];
        try {
            for (int i = 0; i < count && !stop.getAsBoolean(); i++) {
                long due = start + i * PTIME_MS * 1_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                fill(packet, (seq0 + i) & 0xFFFF, i * SAMPLES, ssrc);
                sentAt[i] = System.nanoTime();
                socket.send(new DatagramPacket(packet, packet.length, remote));
                sent++;
            }
        } catch (IOException e) {
            // The rest counts as lost; the result says how many were sent.
        }
        receiver.until = System.nanoTime() + grace.toNanos();
        t.join(grace.toMillis() + 500);
        return receiver.stats(sent);
    }

    private static void fill(byte[] p, int seq, int timestamp, int ssrc) {
        p[0] = (byte) 0x80;
        p[1] = (byte) Sdp.PCMU;
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        p[4] = (byte) (timestamp >> 24);
        p[5] = (byte) (timestamp >> 16);
        p[6] = (byte) (timestamp >> 8);
        p[7] = (byte) timestamp;
        p[8] = (byte) (ssrc >> 24);
        p[9] = (byte) (ssrc >> 16);
        p[10] = (byte) (ssrc >> 8);
        p[11] = (byte) ssrc;
        // PCMU silence with a little signal so an echo canceller has something to keep.
        for (int i = HEADER; i < p.length; i++) {
            p[i] = (byte) ((i & 8) == 0 ? 0xFF : 0x7F);
        }
    }

    private final class Receiver implements Runnable {

        private final long[] sentAt;
        private final int ssrc;
        private final int seq0;
        private final boolean[] seen;
        volatile long until = Long.MAX_VALUE;
        private int received;
        private int wrongPayload;
        private int foreign;
        private double jitterNanos;
        private long lastTransit = Long.MIN_VALUE;
        private long rttSum;
        private long rttMax;

        Receiver(long[] sentAt, int ssrc, int seq0) {
            this.sentAt = sentAt;
            this.ssrc = ssrc;
            this.seq0 = seq0;
            this.seen = new boolean[sentAt.length];
        }

        @Override
        public void run() {
            byte[] buf = new byte[2048];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            while (System.nanoTime() < until && !socket.isClosed()) {
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException idle) {
                    continue;
                } catch (IOException closed) {
                    return;
                }
                take(buf, p.getLength(), System.nanoTime());
            }
        }

        private synchronized void take(byte[] b, int length, long now) {
            if (length < HEADER || (b[0] & 0xC0) != 0x80) {
                foreign++;
                return;
            }
            int theirSsrc = ((b[8] & 0xFF) << 24) | ((b[9] & 0xFF) << 16) | ((b[10] & 0xFF) << 8) | (b[11] & 0xFF);
            int seq = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
            int index = (seq - seq0) & 0xFFFF;
            if (theirSsrc != ssrc || index >= sentAt.length || sentAt[index] < 0) {
                // An echo may come back with a new SSRC (a media server re-packetising): counted, not measured.
                foreign++;
                return;
            }
            if ((b[1] & 0x7F) != Sdp.PCMU) {
                wrongPayload++;
            }
            if (seen[index]) {
                return;
            }
            seen[index] = true;
            received++;
            long rtt = now - sentAt[index];
            rttSum += rtt;
            rttMax = Math.max(rttMax, rtt);
            // RFC 3550: the transit time's variation, smoothed by 1/16.
            long transit = now - sentAt[index];
            if (lastTransit != Long.MIN_VALUE) {
                jitterNanos += (Math.abs(transit - lastTransit) - jitterNanos) / 16.0;
            }
            lastTransit = transit;
        }

        synchronized RtpStats stats(int sent) {
            double loss = sent == 0 ? 0 : 100.0 * (sent - received) / sent;
            return new RtpStats(sent, received, Math.max(0, loss), jitterNanos / 1e6,
                    received == 0 ? 0 : rttSum / 1e6 / received, rttMax / 1e6, wrongPayload, foreign);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
