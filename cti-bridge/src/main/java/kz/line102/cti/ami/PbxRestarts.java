package kz.line102.cti.ami;

import org.asteriskjava.manager.action.CoreStatusAction;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.response.CoreStatusResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a PBX restart from a lost link. A restarted Asterisk has forgotten its dynamic
 * queue members (unless persistentmembers) and renumbered its uniqueids; what it says
 * (faults/pbx-restart-members): {@code Shutdown} with {@code Restart: True} before it
 * closes the socket on a clean restart, nothing on a crash, and in both cases a new
 * CoreStartup time and a {@code FullyBooted} with a small {@code Uptime} at the next login.
 * Used on the link thread (after each login) and asterisk-java's dispatch thread (events).
 */
final class PbxRestarts {

    private static final Logger log = LoggerFactory.getLogger(PbxRestarts.class);

    private final String pbx;
    private volatile boolean shutdownSeen;
    private volatile Integer bootUptime;
    private String startedAt;
    private long lastLoginNanos;

    PbxRestarts(String pbx) {
        this.pbx = pbx;
    }

    /** On the dispatch thread. */
    void onEvent(ManagerEvent e) {
        if (e instanceof ShutdownEvent s) {
            shutdownSeen = true;
            log.warn("pbx={} Asterisk is shutting down ({}, restart: {})", pbx, s.getShutdown(), s.getRestart());
        } else if (e instanceof FullyBootedEvent f) {
            bootUptime = f.getUptime();
        }
    }

    /** Before a login: what the last session's FullyBooted said is of no use for the next one. */
    void beforeLogin() {
        bootUptime = null;
    }

    /**
     * After a login: asks CoreStatus for the start time and compares it with the last
     * session's. Returns whether the PBX restarted since the previous session of this node.
     */
    boolean afterLogin(GuardedManagerConnection connection, long timeoutMillis) {
        long nowNanos = System.nanoTime();
        String now = null;
        try {
            ManagerResponse r = connection.sendAction(new CoreStatusAction(), timeoutMillis);
            if (r instanceof CoreStatusResponse s && s.getCoreStartupDate() != null) {
                now = s.getCoreStartupDate() + " " + s.getCoreStartupTime();
            }
        } catch (Exception e) {
            log.info("pbx={} CoreStatus not answered ({}): restart judged by Shutdown/FullyBooted only", pbx,
                    e.toString());
        }
        boolean changed = startedAt != null && now != null && !startedAt.equals(now);
        Integer uptime = bootUptime;
        // Booted after our previous session had logged in (a second of slack for rounding).
        boolean young = lastLoginNanos != 0 && uptime != null
                && uptime + 1 < (nowNanos - lastLoginNanos) / 1_000_000_000L;
        lastLoginNanos = nowNanos;
        boolean restarted = shutdownSeen || changed || young;
        if (restarted) {
            log.warn("pbx={} the PBX restarted while the link was down (shutdown event: {}, start time {} -> {}, "
                    + "uptime {} s)", pbx, shutdownSeen, startedAt, now, uptime);
        }
        if (now != null) {
            startedAt = now;
        }
        shutdownSeen = false;
        return restarted;
    }

    String startedAt() {
        return startedAt;
    }
}
