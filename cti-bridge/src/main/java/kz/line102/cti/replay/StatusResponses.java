package kz.line102.cti.replay;

import java.util.Locale;

/**
 * CoreShowChannels, QueueStatus and QueueSummary answered from {@link LiveState},
 * field for field as Asterisk 22.10.1 answered them in ami-handshake/ami-answered:
 * CoreShowChannel has ActionID second, the queue items have it last.
 */
final class StatusResponses {

    private StatusResponses() {
    }

    static byte[] coreShowChannels(LiveState state, String actionId, long nowNanos) {
        AmiText out = listStart(actionId, "Channels will follow");
        int[] count = {0};
        state.readChannels(channels -> {
            for (LiveChannel c : channels) {
                out.line("Event", "CoreShowChannel").actionId(actionId)
                        .line("Channel", c.channel).line("ChannelState", c.state)
                        .line("ChannelStateDesc", c.stateDesc).line("CallerIDNum", c.callerIdNum)
                        .line("CallerIDName", c.callerIdName).line("ConnectedLineNum", c.connectedLineNum)
                        .line("ConnectedLineName", c.connectedLineName).line("Language", c.language)
                        .line("AccountCode", c.accountCode).line("Context", c.context).line("Exten", c.exten)
                        .line("Priority", c.priority).line("Uniqueid", c.uniqueid).line("Linkedid", c.linkedid)
                        .line("Application", c.application).line("ApplicationData", c.applicationData)
                        .line("Duration", duration(c.ageSeconds(nowNanos))).line("BridgeId", c.bridgeId).end();
                count[0]++;
            }
        });
        return listComplete(out, "CoreShowChannelsComplete", actionId, count[0]).bytes();
    }

    static byte[] queueStatus(LiveState state, String actionId, String queueFilter, String memberFilter,
                              long nowNanos) {
        AmiText out = listStart(actionId, "Queue status will follow");
        int[] count = {0};
        state.readQueues(queues -> {
            for (LiveQueue q : queues) {
                if (!matches(queueFilter, q.name)) {
                    continue;
                }
                out.line("Event", "QueueParams").line("Queue", q.name).line("Max", q.max)
                        .line("Strategy", q.strategy).line("Calls", Integer.toString(q.entries.size()))
                        .line("Holdtime", Integer.toString(q.holdTime)).line("TalkTime", Integer.toString(q.talkTime))
                        .line("Completed", Integer.toString(q.completed))
                        .line("Abandoned", Integer.toString(q.abandoned))
                        .line("ServiceLevel", Integer.toString(LiveQueue.SERVICE_LEVEL_SECONDS))
                        .line("ServicelevelPerf", q.serviceLevelPerf())
                        .line("ServicelevelPerf2", q.serviceLevelPerf2()).line("Weight", "0")
                        .actionId(actionId).end();
                count[0]++;
                q.members.forEach((iface, m) -> {
                    if (matches(memberFilter, iface)) {
                        out.line("Event", "QueueMember").line("Queue", q.name).line("Name", m.get("Name"))
                                .line("Location", iface);
                        LiveQueue.MEMBER_FIELDS.forEach(f -> out.line(f, m.getOrDefault(f, "")));
                        out.actionId(actionId).end();
                        count[0]++;
                    }
                });
                if (memberFilter != null) {
                    continue;
                }
                int position = 1;
                for (LiveQueue.Entry e : q.entries) {
                    LiveChannel c = state.channel(e.uniqueid());
                    out.line("Event", "QueueEntry").line("Queue", q.name)
                            .line("Position", Integer.toString(position++)).line("Channel", e.channel())
                            .line("Uniqueid", e.uniqueid()).line("CallerIDNum", e.callerIdNum())
                            .line("CallerIDName", e.callerIdName())
                            .line("ConnectedLineNum", queueEntryUnknown(c == null ? null : c.connectedLineNum))
                            .line("ConnectedLineName", queueEntryUnknown(c == null ? null : c.connectedLineName))
                            .line("Wait", Long.toString(e.waitSeconds(nowNanos)))
                            .line("Priority", e.priority()).actionId(actionId).end();
                    count[0]++;
                }
            }
        });
        return listComplete(out, "QueueStatusComplete", actionId, count[0]).bytes();
    }

    static byte[] queueSummary(LiveState state, String actionId, String queueFilter, long nowNanos) {
        AmiText out = listStart(actionId, "Queue summary will follow");
        int[] count = {0};
        state.readQueues(queues -> {
            for (LiveQueue q : queues) {
                if (!matches(queueFilter, q.name)) {
                    continue;
                }
                int loggedIn = 0;
                int available = 0;
                for (var m : q.members.values()) {
                    String status = m.getOrDefault("Status", "0");
                    // 4 invalid, 5 unavailable: not logged in; available = idle (0 unknown, 1 not in use) and unpaused.
                    if (!status.equals("4") && !status.equals("5")) {
                        loggedIn++;
                        if ((status.equals("0") || status.equals("1")) && "0".equals(m.get("Paused"))) {
                            available++;
                        }
                    }
                }
                long longest = q.entries.stream().mapToLong(e -> e.waitSeconds(nowNanos)).max().orElse(0);
                out.line("Event", "QueueSummary").line("Queue", q.name)
                        .line("LoggedIn", Integer.toString(loggedIn)).line("Available", Integer.toString(available))
                        .line("Callers", Integer.toString(q.entries.size()))
                        .line("HoldTime", Integer.toString(q.holdTime)).line("TalkTime", Integer.toString(q.talkTime))
                        .line("LongestHoldTime", Long.toString(longest)).actionId(actionId).end();
                count[0]++;
            }
        });
        return listComplete(out, "QueueSummaryComplete", actionId, count[0]).bytes();
    }

    /** Channel events say {@code <unknown>}, QueueEntry says {@code unknown}. */
    private static String queueEntryUnknown(String value) {
        return value == null || value.isEmpty() || value.equals("<unknown>") ? "unknown" : value;
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.isEmpty() || filter.equals(value);
    }

    private static AmiText listStart(String actionId, String message) {
        return new AmiText().line("Response", "Success").actionId(actionId).line("EventList", "start")
                .line("Message", message).end();
    }

    private static AmiText listComplete(AmiText out, String event, String actionId, int items) {
        return out.line("Event", event).actionId(actionId).line("EventList", "Complete")
                .line("ListItems", Integer.toString(items)).end();
    }

    static String duration(long seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
