package kz.line102.cti.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import redis.embedded.RedisServer;

/**
 * The Redis tests talk to: the machine's own on 127.0.0.1:6379 when it answers,
 * otherwise an embedded one started once for the JVM, so the suite passes on a fresh
 * machine too.
 */
public final class TestRedis {

    private static final String HOST = "127.0.0.1";
    private static int port;

    private TestRedis() {
    }

    public static String host() {
        return HOST;
    }

    public static synchronized int port() {
        if (port == 0) {
            port = answers(HOST, 6379) ? 6379 : startEmbedded();
        }
        return port;
    }

    public static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int startEmbedded() {
        try {
            int free;
            try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
                free = ss.getLocalPort();
            }
            RedisServer server = new RedisServer(free);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is going anyway
                }
            }, "embedded-redis-stop"));
            return free;
        } catch (IOException e) {
            throw new UncheckedIOException("no Redis on 127.0.0.1:6379 and the embedded one did not start", e);
        }
    }
}
