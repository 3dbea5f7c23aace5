package kz.line102.cti.replay;

/** A channel as the replay has told its clients so far; mutated under {@link LiveState}'s lock. */
final class LiveChannel {

    final String uniqueid;
    final long createdNanos;
    final double pace;
    String channel;
    String state;
    String stateDesc;
    String callerIdNum;
    String callerIdName;
    String connectedLineNum;
    String connectedLineName;
    String language;
    String accountCode;
    String context;
    String exten;
    String priority;
    String linkedid;
    String application = "";
    String applicationData = "";
    String bridgeId = "";
    String queuePriority = "0";

    LiveChannel(String uniqueid, long createdNanos, double pace) {
        this.uniqueid = uniqueid;
        this.createdNanos = createdNanos;
        this.pace = pace;
    }

    /** Every channel event carries the channel's full snapshot: copy what is there. */
    void update(EventTemplate e, byte[][] values) {
        channel = or(e.field("channel", values), channel);
        state = or(e.field("channelstate", values), state);
        stateDesc = or(e.field("channelstatedesc", values), stateDesc);
        callerIdNum = or(e.field("calleridnum", values), callerIdNum);
        callerIdName = or(e.field("calleridname", values), callerIdName);
        connectedLineNum = or(e.field("connectedlinenum", values), connectedLineNum);
        connectedLineName = or(e.field("connectedlinename", values), connectedLineName);
        language = or(e.field("language", values), language);
        accountCode = or(e.field("accountcode", values), accountCode);
        context = or(e.field("context", values), context);
        exten = or(e.field("exten", values), exten);
        priority = or(e.field("priority", values), priority);
        linkedid = or(e.field("linkedid", values), linkedid);
    }

    /** Seconds of scenario time since the channel appeared (wall time when played unpaced). */
    long ageSeconds(long nowNanos) {
        double factor = pace > 0 ? pace : 1.0;
        return (long) ((nowNanos - createdNanos) * factor / 1_000_000_000L);
    }

    private static String or(String fresh, String old) {
        return fresh != null ? fresh : old;
    }
}
