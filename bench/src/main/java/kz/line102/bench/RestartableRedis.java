package kz.line102.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} that keeps what it acknowledged (append-only file, fsync
 * always, noeviction: the configuration conf/ asks of the stream's Redis) and can be
 * restarted on the same port and directory, as an operator restarting Redis would.
 */
final class RestartableRedis implements AutoCloseable {

    final String host = "127.0.0.1";
    final int port;
    private final Path dir;
    private Process process;

    private RestartableRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    static RestartableRedis start() throws IOException {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        RestartableRedis r = new RestartableRedis(free, Files.createTempDirectory("line102-bench-redis"));
        r.launch();
        return r;
    }

    private void launch() throws IOException {
        process = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--maxmemory-policy", "noeviction",
                "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log")
                        .toFile())).start();
        if (!Poll.until(Duration.ofSeconds(10), Duration.ofMillis(20), () -> !process.isAlive() || answers())
                || !process.isAlive()) {
            throw new IOException("private redis-server did not start on port " + port + " (see "
                    + dir.resolve("redis.log") + ")");
        }
    }

    /** Stops the server (SIGTERM: it finishes its append-only file) and starts it again; the seconds it was away. */
    double restart() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
        launch();
        return (System.nanoTime() - t0) / 1e9;
    }

    private boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the system cleans it eventually
        }
        dir.toFile().delete();
    }
}
