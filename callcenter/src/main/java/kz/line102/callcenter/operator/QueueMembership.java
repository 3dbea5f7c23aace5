package kz.line102.callcenter.operator;

import kz.line102.callcenter.queue.QueueConfig;
import kz.line102.callcenter.queue.QueueConfigService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import kz.line102.cti.QueueCommandException;
import kz.line102.cti.QueueControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI commands behind an operator's state, and the repair of a membership the PBX
 * lost: a signed-in operator is the application's truth about membership, so a pause or
 * unpause Asterisk refuses with "Interface not found" (a restart, a removal at the PBX)
 * first puts the interface back in the operator's queues. Called with no transaction open.
 */
final class QueueMembership {

    private static final Logger log = LoggerFactory.getLogger(QueueMembership.class);

    private final QueueControl pbx;
    private final QueueConfigService config;

    QueueMembership(QueueControl pbx, QueueConfigService config) {
        this.pbx = pbx;
        this.config = config;
    }

    /** The queues the configuration gives {@code username}, in configuration order. */
    List<String> configured(String username) {
        return config.config().queues().stream().filter(q -> q.penaltyOf(username).isPresent())
                .map(QueueConfig.Queue::name).toList();
    }

    /** Adds the interface to every queue the configuration gives the operator; all or none. */
    List<String> join(String username, String iface) {
        return join(username, iface, configured(username));
    }

    /** Adds the interface to {@code queues} (with their configured penalty); all or none. */
    List<String> join(String username, String iface, List<String> queues) {
        List<String> joined = new ArrayList<>();
        try {
            for (String name : queues) {
                Optional<QueueConfig.Queue> q = config.config().queue(name);
                pbx.add(name, iface, username, q.flatMap(c -> c.penaltyOf(username)).orElse(0));
                joined.add(name);
            }
            return joined;
        } catch (QueueCommandException e) {
            for (String q : joined) {
                try {
                    pbx.remove(q, iface);
                } catch (QueueCommandException again) {
                    log.warn("operatorId={} {} left in {} after a failed join: the reconciliation will show it",
                            username, iface, q);
                }
            }
            throw e;
        }
    }

    /**
     * Pauses (with {@code reason}) or unpauses the interface in all its queues. When the PBX
     * no longer has it, it is added back to the operator's queues first. Returns the queues
     * it was added back to (empty when it was there).
     */
    List<String> pause(String username, String iface, boolean paused, String reason) {
        try {
            pbx.pause(null, iface, paused, paused ? reason : null);
            return List.of();
        } catch (QueueCommandException e) {
            if (!notFound(e)) {
                throw e;
            }
        }
        log.warn("operatorId={} the PBX no longer has {} in any queue (a restart, or removed at the PBX): "
                + "adding it back before the {}", username, iface, paused ? "pause" : "unpause");
        List<String> joined = join(username, iface);
        if (!joined.isEmpty()) {
            pbx.pause(null, iface, paused, paused ? reason : null);
        }
        return joined;
    }

    /** Puts the interface back in {@code queues} with the operator's pause; the PBX had lost it there. */
    void restore(String username, String iface, List<String> queues, boolean paused, String reason) {
        List<String> joined = join(username, iface, queues);
        if (paused) {
            for (String q : joined) {
                pbx.pause(q, iface, true, reason);
            }
        }
    }

    static boolean notFound(QueueCommandException e) {
        return e.reason() == QueueCommandException.Reason.REFUSED && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("not found");
    }
}
