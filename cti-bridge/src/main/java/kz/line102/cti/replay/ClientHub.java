package kz.line102.cti.replay;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The connected AMI clients; the scheduler writes every played event to each logged-in one. */
final class ClientHub {

    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final AmiPermissions permissions;

    ClientHub(AmiPermissions permissions) {
        this.permissions = permissions;
    }

    void add(AmiSession s) {
        sessions.add(s);
    }

    void remove(AmiSession s) {
        sessions.remove(s);
    }

    /** Buffers one event for every client that would get it from Asterisk; returns how many. */
    int write(byte[] buf, int len) {
        int delivered = 0;
        if (!permissions.readable(buf, len)) {
            return 0;
        }
        for (AmiSession s : sessions) {
            if (s.wantsEvents() && s.bufferEvent(buf, len)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** An event raised by an action (not played): written and flushed at once to every client taking events. */
    void broadcastEvent(byte[] bytes) {
        if (!permissions.readable(bytes, bytes.length)) {
            return;
        }
        for (AmiSession s : sessions) {
            if (s.wantsEvents()) {
                s.send(bytes);
            }
        }
    }

    void flush() {
        for (AmiSession s : sessions) {
            s.flushEvents();
        }
    }

    void writeRaw(byte[] bytes) {
        for (AmiSession s : sessions) {
            if (s.isLoggedIn()) {
                s.sendRaw(bytes);
            }
        }
    }

    void dropAll(boolean midBlock) {
        for (AmiSession s : sessions) {
            s.abort(midBlock);
        }
    }

    void closeStalled(long timeoutNanos) {
        long now = System.nanoTime();
        for (AmiSession s : sessions) {
            s.closeIfStalled(now, timeoutNanos);
        }
    }

    int size() {
        return sessions.size();
    }

    long loggedIn() {
        return sessions.stream().filter(AmiSession::isLoggedIn).count();
    }
}
