package kz.line102.cti.replay;

/** How a played event changes the server's live state (what status actions report). */
enum StateOp {
    NONE,
    NEW_CHANNEL,
    HANGUP,
    CHANNEL_UPDATE,
    EXTEN,
    DIAL_BEGIN,
    BRIDGE_ENTER,
    BRIDGE_LEAVE,
    QUEUE_PRIO,
    QUEUE_JOIN,
    QUEUE_LEAVE,
    QUEUE_ABANDON,
    AGENT_CONNECT,
    AGENT_COMPLETE,
    MEMBER,
    MEMBER_REMOVED;

    static StateOp of(CapturedBlock block) {
        return switch (block.eventName()) {
            case "Newchannel" -> NEW_CHANNEL;
            case "Hangup" -> HANGUP;
            case "Newstate", "NewConnectedLine", "NewCallerid", "NewAccountCode" -> CHANNEL_UPDATE;
            case "Newexten" -> EXTEN;
            case "DialBegin" -> DIAL_BEGIN;
            case "BridgeEnter" -> BRIDGE_ENTER;
            case "BridgeLeave" -> BRIDGE_LEAVE;
            // Only the variable app_queue reads as the caller's priority matters to QueueEntry.
            case "VarSet" -> "QUEUE_PRIO".equals(block.get("Variable")) ? QUEUE_PRIO : NONE;
            case "QueueCallerJoin" -> QUEUE_JOIN;
            case "QueueCallerLeave" -> QUEUE_LEAVE;
            case "QueueCallerAbandon" -> QUEUE_ABANDON;
            case "AgentConnect" -> AGENT_CONNECT;
            case "AgentComplete" -> AGENT_COMPLETE;
            case "QueueMemberStatus", "QueueMemberPause", "QueueMemberAdded", "QueueMemberPenalty" -> MEMBER;
            case "QueueMemberRemoved" -> MEMBER_REMOVED;
            default -> NONE;
        };
    }
}
