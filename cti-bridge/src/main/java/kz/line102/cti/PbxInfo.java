package kz.line102.cti;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the PBX says about itself, for checking that it is set up as this application
 * expects (the preflight): its dialplan globals, its clock, what the AMI login may send,
 * and which event classes the login actually receives. Every question goes over the
 * live AMI session and throws {@link QueueCommandException} as a queue command does when
 * the PBX is away, late or refuses.
 */
public interface PbxInfo {

    /** A dialplan global ({@code Getvar} with no channel); empty when the PBX has no such global set. */
    Optional<String> getGlobal(String name);

    /** The PBX's clock now, from the {@code Timestamp} of its answer to a {@code Ping}. */
    Instant pbxTime();

    /** The AMI actions this login may send ({@code ListCommands}), by name as Asterisk spells them. */
    Set<String> allowedActions();

    /**
     * The event classes (the {@code Privilege} of each event) heard on the session that reads the
     * PBX's events, since its last login. Asterisk sends no event of a class the login lacks
     * ({@code read =} in manager.conf), and tells nothing about it otherwise: a class missing here
     * while others arrive is a missing permission.
     */
    HeardEvents heardEvents();

    /**
     * @param since   the login these counts start from; null while no session reads events
     * @param byClass events heard per class (an event of {@code call,all} counts for {@code call})
     */
    record HeardEvents(Instant since, Map<String, Long> byClass) {

        public boolean heard(String eventClass) {
            return byClass.getOrDefault(eventClass, 0L) > 0;
        }
    }
}
