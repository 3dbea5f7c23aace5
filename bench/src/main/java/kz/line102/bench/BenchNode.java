package kz.line102.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node of the application in a JVM of its own, so that it can be killed as a node
 * dies ({@code SIGKILL}: no shutdown hook, no lease released, no stream entry acknowledged
 * on the way out), and started again.
 */
final class BenchNode implements AutoCloseable {

    final String name;
    final int httpPort;
    private final List<String> args;
    private final Path log;
    private Process process;

    BenchNode(String name, List<String> appArgs, Path log) throws IOException {
        this.name = name;
        this.log = log;
        try (ServerSocket s = new ServerSocket(0)) {
            this.httpPort = s.getLocalPort();
        }
        this.args = new ArrayList<>(appArgs);
        this.args.add("--server.port=" + httpPort);
        this.args.add("--line102.callcenter.intake.consumer-name=" + name);
    }

    /** Starts the JVM; {@link #ready()} tells when the application answers HTTP. */
    void start(String mainClass, String heap) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+UseSerialGC");
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** True once the application answers on its HTTP port (any status). */
    boolean ready() {
        if (!alive()) {
            return false;
        }
        try (var s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", httpPort), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** As a node dies: SIGKILL, nothing runs on the way out. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
