package kz.line102.bench;

import java.io.IOException;
import java.time.Duration;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Redis the benchmark's application uses. By default a private {@code redis-server}
 * (the machine's own binary, so the same version as the shared one) on a free loopback
 * port, without persistence, stopped at the end: the application writes screen-pop keys
 * and messages under fixed names ({@code line102:callcenter:ring:<extension>},
 * {@code line102:callcenter:screenpop}), and 10,000 benchmark calls must not reach the
 * consoles or the tests that share the machine's Redis. With {@code -Dbench.redis.port}
 * an existing Redis is used instead (only the stream key is then the benchmark's own).
 */
final class BenchRedis implements AutoCloseable {

    final String host;
    final int port;
    private final Process process;
    private final Path dir;

    private BenchRedis(String host, int port, Process process, Path dir) {
        this.host = host;
        this.port = port;
        this.process = process;
        this.dir = dir;
    }

    static BenchRedis start() throws IOException, InterruptedException {
        String port = System.getProperty("bench.redis.port");
        if (port != null) {
            return new BenchRedis(System.getProperty("bench.redis.host", "127.0.0.1"), Integer.parseInt(port), null,
                    null);
        }
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("line102-bench-redis");
        Process p = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(free),
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        if (!Poll.until(Duration.ofSeconds(10), Duration.ofMillis(50), () -> !p.isAlive() || answers(free))
                || !p.isAlive()) {
            p.destroy();
            throw new IOException("private redis-server did not start on port " + free + " (see "
                    + dir.resolve("redis.log") + "); or pass -Dbench.redis.port=6379 to use the machine's");
        }
        return new BenchRedis("127.0.0.1", free, p, dir);
    }

    boolean isPrivate() {
        return process != null;
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the private server (nothing to do for a shared one). Idempotent. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: the system cleans it eventually
            }
            dir.toFile().delete();
        }
    }
}
