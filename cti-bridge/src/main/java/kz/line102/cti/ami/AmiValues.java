package kz.line102.cti.ami;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.asteriskjava.manager.event.AbstractMixMonitorEvent;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.VarSetEvent;

/** Small conversions of AMI values, in one place because asterisk-java spells them unevenly. */
final class AmiValues {

    private AmiValues() {
    }

    /**
     * The Linkedid of the events the translator handles, or null. asterisk-java names the
     * getter {@code getLinkedid} on Newchannel but {@code getLinkedId} elsewhere.
     */
    static String linkedId(ManagerEvent e) {
        if (e instanceof NewChannelEvent n) {
            return n.getLinkedid();
        } else if (e instanceof HangupEvent h) {
            return h.getLinkedId();
        } else if (e instanceof VarSetEvent v) {
            return v.getLinkedId();
        } else if (e instanceof AbstractMixMonitorEvent m) {
            return m.getLinkedId();
        } else if (e instanceof QueueCallerJoinEvent q) {
            return q.getLinkedId();
        } else if (e instanceof QueueCallerLeaveEvent q) {
            return q.getLinkedId();
        } else if (e instanceof QueueCallerAbandonEvent q) {
            return q.getLinkedId();
        } else if (e instanceof AgentCalledEvent a) {
            return a.getLinkedId();
        } else if (e instanceof AgentRingNoAnswerEvent a) {
            return a.getLinkedId();
        } else if (e instanceof AgentConnectEvent a) {
            return a.getLinkedId();
        } else if (e instanceof AgentCompleteEvent a) {
            return a.getLinkedId();
        }
        return null;
    }

    /** asterisk-java already turns {@code <unknown>} into null; an empty value means none too. */
    static String orNull(String s) {
        return s == null || s.isBlank() || s.equalsIgnoreCase("<unknown>") || s.equalsIgnoreCase("unknown")
                ? null : s;
    }

    /** The operator's extension from a queue member interface: {@code PJSIP/1001} → {@code 1001}. */
    static String extension(String memberInterface, String fallback) {
        if (memberInterface == null || memberInterface.isBlank()) {
            return fallback;
        }
        String s = memberInterface.substring(memberInterface.indexOf('/') + 1);
        int at = s.indexOf('@');
        return at > 0 ? s.substring(0, at) : s;
    }

    /** The endpoint of a channel name: {@code PJSIP/1001-00000001} → {@code 1001}. */
    static String endpoint(String channel) {
        String s = channel.substring(channel.indexOf('/') + 1);
        int dash = s.lastIndexOf('-');
        int at = s.indexOf('@');
        int end = at > 0 ? at : dash > 0 ? dash : s.length();
        return s.substring(0, end);
    }

    /** The AMI Timestamp (epoch seconds with microseconds) as an Instant, or the clock's now. */
    static Instant at(ManagerEvent e, Clock clock) {
        Double ts = e.getTimestamp();
        if (ts == null) {
            return clock.instant();
        }
        long micros = Math.round(ts * 1_000_000d);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** {@code HH:MM:SS} as CoreShowChannel gives a channel's age (hours may exceed 24). */
    static Duration hms(String s) {
        if (s == null) {
            return Duration.ZERO;
        }
        String[] p = s.trim().split(":");
        try {
            if (p.length == 3) {
                return Duration.ofHours(Long.parseLong(p[0])).plusMinutes(Long.parseLong(p[1]))
                        .plusSeconds(Long.parseLong(p[2]));
            }
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
        return Duration.ZERO;
    }

    static int intOr0(Number n) {
        return n == null ? 0 : n.intValue();
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
