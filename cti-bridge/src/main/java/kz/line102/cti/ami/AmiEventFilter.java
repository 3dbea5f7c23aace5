package kz.line102.cti.ami;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which unsolicited events are worth parsing. Asterisk sends every event of the classes
 * the login asked for; the {@code Events:} mask cannot go finer than a class, and the
 * {@code dialplan} class we need for one VarSet (the MixMonitor file name) is also the
 * class of the VarSet and Newexten flood (55–75 % of a call's events). So events are
 * allowed by name, and VarSet only for the variables listed. Responses to our own
 * actions (anything carrying an ActionID) always pass: asterisk-java needs them.
 */
record AmiEventFilter(Set<String> events, Set<String> variables) {

    /** What the call translator, the connector and the queue control use. */
    static final AmiEventFilter CALLS = of(
            Set.of("Newchannel", "Hangup", "QueueCallerJoin", "QueueCallerLeave", "QueueCallerAbandon",
                    "AgentCalled", "AgentRingNoAnswer", "AgentConnect", "AgentComplete",
                    "MixMonitorStart", "MixMonitorStop", "VarSet", "FullyBooted", "Shutdown",
                    // Membership and pause changes made at the PBX: the queue feature reconciles on them.
                    "QueueMemberAdded", "QueueMemberRemoved", "QueueMemberPause"),
            Set.of("MIXMONITOR_FILENAME"));

    /** Lets everything through (tests comparing with asterisk-java's own view). */
    static final AmiEventFilter ALL = new AmiEventFilter(null, null);

    static AmiEventFilter of(Set<String> events, Set<String> variables) {
        return new AmiEventFilter(lower(events), Set.copyOf(variables));
    }

    /** {@code eventLower} is the event name in lower case; {@code variable} the VarSet's Variable or null. */
    boolean keeps(String eventLower, String variable) {
        if (events == null) {
            return true;
        }
        if (!events.contains(eventLower)) {
            return false;
        }
        return !"varset".equals(eventLower) || variable != null && variables.contains(variable);
    }

    private static Set<String> lower(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
