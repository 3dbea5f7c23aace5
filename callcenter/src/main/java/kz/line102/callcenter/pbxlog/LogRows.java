package kz.line102.callcenter.pbxlog;

import java.time.Instant;
import java.util.List;

/** The rows Asterisk wrote for one call, as the reader hands them over (each list in insert order). */
record LogRows(String linkedId, List<Cel> cel, List<QueueLog> queueLog, Cdr cdr) {

    LogRows {
        cel = List.copyOf(cel);
        queueLog = List.copyOf(queueLog);
    }

    /** One CEL row. {@code at} is its eventtime (UTC as the sample writes it). */
    record Cel(long id, String eventType, Instant at, String cidName, String cidNum, String exten, String context,
               String channel, String appName, String appData, String uniqueId, String linkedId, String extra) {

        boolean onCaller() {
            return uniqueId != null && uniqueId.equals(linkedId);
        }
    }

    /** One realtime queue_log row; {@code data} are data1..data5 ("" where Asterisk gave none). */
    record QueueLog(long id, Instant at, String callId, String queue, String agent, String event, List<String> data) {

        String data(int n) {
            return n <= data.size() && data.get(n - 1) != null ? data.get(n - 1) : "";
        }
    }

    /** The CDR of the call (whole seconds), or null: Asterisk inserts it only when the call ends. */
    record Cdr(Instant start, Instant answer, Instant end, String src, String channel, String dstChannel,
               String lastApp, String dcontext, String dst) {
    }

    /** When Asterisk last wrote anything for the call. */
    Instant lastAt() {
        Instant last = null;
        for (Cel c : cel) {
            last = later(last, c.at());
        }
        for (QueueLog q : queueLog) {
            last = later(last, q.at());
        }
        if (cdr != null) {
            last = later(last, cdr.end());
        }
        return last;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
