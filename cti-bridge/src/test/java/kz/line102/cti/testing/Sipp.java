package kz.line102.cti.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import kz.line102.cti.sip.FreePorts;

/**
 * sipp ({@code /usr/bin/sipp}, Debian package {@code sip-tester}) as the real far end of
 * the SIP tests: one process on 127.0.0.1 playing a scenario from {@code /sipp/} on the
 * test classpath, on a free port, killed on {@link #close()}. A missing sipp fails the
 * test with the install command: CI installs it from {@code .ci/debian-packages}.
 */
public final class Sipp implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/sipp");

    private final Process process;
    private final int port;
    private final int mediaPort;
    private final Path log;

    private Sipp(Process process, int port, int mediaPort, Path log) {
        this.process = process;
        this.port = port;
        this.mediaPort = mediaPort;
        this.log = log;
    }

    /** A UAS playing {@code scenario} (a file name under {@code /sipp/}) over {@code transport} (u1 or t1). */
    public static Sipp uas(String scenario, String transport, String... extra) throws IOException {
        return uasOn(FreePorts.udpAndTcp("127.0.0.1"), scenario, transport, extra);
    }

    /** The same on a given port: a far end that comes back where it was. */
    public static Sipp uasOn(int port, String scenario, String transport, String... extra) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("sipp is needed by this test and is missing at " + BINARY
                    + ": install it with 'apt-get install -y sip-tester' (listed in .ci/debian-packages)");
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "sipp");
        Files.createDirectories(dir);
        Path file = dir.resolve(scenario);
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no sipp scenario /sipp/" + scenario + " on the classpath");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        int media = List.of(extra).contains("-rtp_echo") ? FreePorts.udpAndTcp("127.0.0.1") : 0;
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "-sf", file.toString(), "-i", "127.0.0.1",
                "-p", Integer.toString(port), "-t", transport, "-nostdin", "-timeout", "120s"));
        if (media != 0) {
            cmd.addAll(List.of("-mi", "127.0.0.1", "-mp", Integer.toString(media)));
        }
        cmd.addAll(List.of(extra));
        Path log = dir.resolve(scenario + "-" + port + ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Sipp sipp = new Sipp(p, port, media, log);
        boolean tcp = transport.startsWith("t");
        await("sipp listening on " + port).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (!p.isAlive()) {
                        throw new AssertionError("sipp exited with " + p.exitValue() + ": " + Files.readString(log));
                    }
                    return !free(port, tcp);
                });
        return sipp;
    }

    private static boolean free(int port, boolean tcp) {
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try {
            if (tcp) {
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(at);
                }
            } else {
                try (DatagramSocket s = new DatagramSocket(at)) {
                    s.getLocalPort();
                }
            }
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public int mediaPort() {
        return mediaPort;
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
