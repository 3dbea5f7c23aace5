package kz.line102.cti.replay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMI client connection: its reader loop (on a client pool thread) answers
 * actions; the scheduler thread buffers events into the same stream under
 * {@link #writeLock}, so a response never lands inside an event block.
 */
final class AmiSession implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(AmiSession.class);
    static final byte[] BANNER = "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.ISO_8859_1);
    /** A request line longer than this is not AMI; Asterisk's own limit is lower still. */
    private static final int MAX_LINE = 16 * 1024;
    /** The start of a real event, written before an abrupt close to cut a block in half. */
    private static final byte[] HALF_BLOCK = "Event: Newstate\r\nPrivilege: call,all\r\nChannel: PJSIP/ps"
            .getBytes(StandardCharsets.ISO_8859_1);

    private final Socket socket;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AmiActions actions;
    private final ClientHub hub;
    private final String name;
    private volatile boolean loggedIn;
    private volatile boolean eventsOn = true;
    private volatile boolean closed;
    private volatile boolean dirty;
    private volatile long writingSince;
    String challenge;

    AmiSession(Socket socket, AmiActions actions, ClientHub hub) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 256 * 1024);
        this.actions = actions;
        this.hub = hub;
        this.name = "ami-client " + socket.getRemoteSocketAddress();
        socket.setTcpNoDelay(true);
        // Unpaced replays write hundreds of MB; a large kernel buffer halves the system calls.
        socket.setSendBufferSize(1024 * 1024);
    }

    @Override
    public void run() {
        try (socket) {
            send(BANNER);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Map<String, String> request;
            while (!closed && (request = readRequest(in)) != null) {
                if (!actions.handle(this, request)) {
                    break;
                }
            }
        } catch (IOException e) {
            if (!closed) {
                log.debug("{}: connection ended: {}", name, e.toString());
            }
        } finally {
            closed = true;
            hub.remove(this);
            log.info("{}: disconnected", name);
        }
    }

    /** Header names lower-cased (AMI is case-insensitive); null at end of stream. */
    private static Map<String, String> readRequest(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                if (line.length() == 0) {
                    if (!headers.isEmpty()) {
                        return headers;
                    }
                    continue;
                }
                int colon = line.indexOf(":");
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim());
                }
                line.setLength(0);
            } else if (line.length() < MAX_LINE) {
                line.append((char) b);
            }
        }
        return null;
    }

    /** Writes and flushes one response; false once the client is gone. */
    boolean send(byte[] bytes) {
        return locked(() -> {
            out.write(bytes);
            out.flush();
        });
    }

    boolean bufferEvent(byte[] buf, int len) {
        return locked(() -> {
            out.write(buf, 0, len);
            dirty = true;
        });
    }

    void flushEvents() {
        if (dirty) {
            locked(() -> {
                dirty = false;
                out.flush();
            });
        }
    }

    void sendRaw(byte[] bytes) {
        send(bytes);
    }

    private interface Write {
        void run() throws IOException;
    }

    /** Runs a write under the lock, timing it so that {@link #closeIfStalled} can spot a stuck client. */
    private boolean locked(Write write) {
        writeLock.lock();
        try {
            if (closed) {
                return false;
            }
            writingSince = System.nanoTime();
            write.run();
            return true;
        } catch (IOException e) {
            closeQuietly();
            return false;
        } finally {
            writingSince = 0;
            writeLock.unlock();
        }
    }

    /**
     * Asterisk drops a client that stops reading (manager.conf writetimeout) rather than
     * stall every other session; closing the socket is also what unblocks the stuck write.
     */
    boolean closeIfStalled(long nowNanos, long timeoutNanos) {
        long since = writingSince;
        if (since != 0 && nowNanos - since > timeoutNanos) {
            log.warn("{}: not reading for {} ms, disconnecting", name, (nowNanos - since) / 1_000_000);
            closeQuietly();
            return true;
        }
        return false;
    }

    /** Closes with a TCP reset, optionally after half an event block, as a crashing Asterisk would. */
    void abort(boolean midBlock) {
        if (midBlock) {
            try {
                // Bounded: a client that does not read must still be dropped.
                if (writeLock.tryLock(200, TimeUnit.MILLISECONDS)) {
                    try {
                        if (!closed) {
                            out.write(HALF_BLOCK);
                            out.flush();
                        }
                    } finally {
                        writeLock.unlock();
                    }
                }
            } catch (IOException e) {
                log.debug("{}: abort: {}", name, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            log.debug("{}: linger: {}", name, e.toString());
        }
        closeQuietly();
    }

    void closeQuietly() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("{}: close: {}", name, e.toString());
        }
    }

    /**
     * Marks the session logged in and writes the login answer under the write lock:
     * no event can come before the answer, and once the client has read the answer
     * the session already receives events and injected bytes.
     */
    void loginAccepted(boolean events, byte[]... answer) {
        locked(() -> {
            this.eventsOn = events;
            this.loggedIn = true;
            for (byte[] block : answer) {
                out.write(block);
            }
            out.flush();
        });
        log.info("{}: logged in", name);
    }

    void setEvents(boolean on) {
        this.eventsOn = on;
    }

    boolean isLoggedIn() {
        return loggedIn && !closed;
    }

    boolean wantsEvents() {
        return loggedIn && eventsOn && !closed;
    }

    String name() {
        return name;
    }
}
