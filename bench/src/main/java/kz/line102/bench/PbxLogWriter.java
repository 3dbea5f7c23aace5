package kz.line102.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import kz.line102.cti.replay.ReplayEventListener;
import kz.line102.cti.replay.ReplayHandle;

/**
 * The PBX's durable logs for the replayed calls: for every event the replay plays (to
 * clients or, while the link is cut, to nobody) it writes the CEL, queue_log and CDR rows
 * Asterisk 22 writes for it (faults fixtures: ami-gap, long-answered, pbx-restart-members),
 * with the instance's fresh ids, numbers and the time the event was played, into the
 * {@code asterisk} schema of the benchmark's database. On the way it keeps each call's truth
 * ({@link CallTruth}) from the same events.
 */
final class PbxLogWriter implements ReplayEventListener, AutoCloseable {

    private static final String INBOUND_CONTEXT = "from-pstn";

    /** One played event, or (handle null) the PBX starting again. */
    private record Played(ReplayHandle handle, int index, long micros) {
    }

    private final BlockingQueue<Played> queue = new LinkedBlockingQueue<>();
    /** Next event index per instance; touched on the replay's scheduler thread only. */
    private final Map<Long, Integer> nextIndex = new HashMap<>();
    private final Map<String, CallTruth> truths = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> openChannels = new HashMap<>();
    private final Map<String, String> operatorChannel = new HashMap<>();
    private final AtomicLong rows = new AtomicLong();
    private final Connection connection;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile java.util.function.BiConsumer<ReplayHandle, Map<String, String>> also = (h, f) -> { };
    private int cdrSequence;
    private PreparedStatement cel;
    private PreparedStatement queueLog;
    private PreparedStatement cdr;

    PbxLogWriter(String url) throws SQLException {
        connection = DriverManager.getConnection(url, "postgres", "");
        connection.setAutoCommit(false);
        cel = connection.prepareStatement("insert into asterisk.cel (eventtype, eventtime, userdeftype, cid_name, "
                + "cid_num, cid_ani, cid_rdnis, cid_dnid, exten, context, channame, appname, appdata, accountcode, "
                + "peeraccount, uniqueid, linkedid, amaflags, userfield, peer, extra) "
                + "values (?, ?, '', ?, ?, ?, '', '102', ?, ?, ?, ?, ?, '', '', ?, ?, 3, '', ?, ?)");
        queueLog = connection.prepareStatement("insert into asterisk.queue_log (\"time\", callid, queuename, agent, "
                + "event, data1, data2, data3, data4, data5) values (?, ?, ?, ?, ?, ?, ?, ?, '', '')");
        cdr = connection.prepareStatement("insert into asterisk.cdr (calldate, \"start\", answer, \"end\", clid, src, "
                + "dst, dcontext, channel, dstchannel, lastapp, lastdata, duration, billsec, disposition, amaflags, "
                + "accountcode, uniqueid, userfield, peeraccount, linkedid, sequence) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 'ANSWERED', 3, '', ?, '', '', ?, ?)");
        thread = new Thread(this::drain, "bench-pbx-logs");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void eventWritten(ReplayHandle instance, String eventName, long nanoTime, long epochMicros) {
        int index = nextIndex.merge(instance.instanceId(), 1, Integer::sum) - 1;
        queue.add(new Played(instance, index, epochMicros));
    }

    /** Asterisk writes QUEUESTART at every start, restarts included. */
    void pbxStarted(long epochMicros) {
        queue.add(new Played(null, 0, epochMicros));
    }

    /** Also told about every played event (on the writer's thread, in play order), with its fields. */
    void alsoTell(java.util.function.BiConsumer<ReplayHandle, Map<String, String>> hook) {
        this.also = hook;
    }

    /** Rows written so far. */
    long rows() {
        return rows.get();
    }

    int backlog() {
        return queue.size();
    }

    /** The calls seen so far by linkedid (callers in the inbound context only). */
    Map<String, CallTruth> truths() {
        Map<String, CallTruth> calls = new HashMap<>();
        truths.forEach((id, t) -> {
            if (t.isCall()) {
                calls.put(id, t);
            }
        });
        return calls;
    }

    private void drain() {
        List<Played> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Played first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 2000);
                for (Played p : batch) {
                    if (p.handle == null) {
                        queueLog(p.micros, "NONE", "NONE", "NONE", "QUEUESTART", "", "", "");
                    } else {
                        Map<String, String> fields = p.handle.event(p.index, p.micros);
                        also.accept(p.handle, fields);
                        apply(p.handle, fields, p.micros);
                    }
                }
                cel.executeBatch();
                queueLog.executeBatch();
                cdr.executeBatch();
                connection.commit();
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                PipelineBench.out("pbx logs: writing %d events failed: %s", batch.size(), e);
                batch.clear();
            }
        }
    }

    private void apply(ReplayHandle h, Map<String, String> f, long micros) throws SQLException {
        String linkedid = f.get("Linkedid");
        if (linkedid == null) {
            return;
        }
        CallTruth t = truths.computeIfAbsent(linkedid, id -> new CallTruth(id, h.scenario()));
        String uniqueid = f.get("Uniqueid");
        String channel = f.get("Channel");
        switch (f.get("Event")) {
            case "Newchannel" -> {
                if (INBOUND_CONTEXT.equals(f.get("Context")) && linkedid.equals(uniqueid)) {
                    t.offered(micros, f.get("CallerIDNum"), channel, f.get("Exten"));
                }
                openChannels.computeIfAbsent(linkedid, k -> new LinkedHashSet<>()).add(uniqueid);
                cel("CHAN_START", micros, f, "", "", "", "");
            }
            case "Newstate" -> {
                if ("6".equals(f.get("ChannelState"))) {
                    cel("ANSWER", micros, f, linkedid.equals(uniqueid) ? "Answer" : "AppQueue",
                            linkedid.equals(uniqueid) ? "" : "(Outgoing Line)", "", "");
                }
            }
            case "QueueCallerJoin" -> {
                t.queued(micros, f.get("Queue"));
                cel("APP_START", micros, f, "Queue", f.get("Queue") + ",,,,600", "", "");
                queueLog(micros, linkedid, f.get("Queue"), "NONE", "ENTERQUEUE", "", f.get("CallerIDNum"),
                        f.get("Position"));
            }
            case "QueueCallerLeave" -> t.leftQueue(micros);
            case "AgentRingNoAnswer" -> queueLog(micros, linkedid, f.get("Queue"), f.get("MemberName"),
                    "RINGNOANSWER", String.valueOf(number(f.get("RingTime")) * 1000), "", "");
            case "AgentConnect" -> {
                t.answered(micros, f.get("Interface"), number(f.get("HoldTime")));
                operatorChannel.put(linkedid, f.get("DestChannel"));
                queueLog(micros, linkedid, f.get("Queue"), f.get("MemberName"), "CONNECT", f.get("HoldTime"),
                        f.get("DestUniqueid"), f.get("RingTime"));
            }
            case "AgentComplete" -> {
                t.completed(number(f.get("TalkTime")));
                queueLog(micros, linkedid, f.get("Queue"), f.get("MemberName"),
                        "caller".equals(f.get("Reason")) ? "COMPLETECALLER" : "COMPLETEAGENT", f.get("HoldTime"),
                        f.get("TalkTime"), "1");
            }
            case "QueueCallerAbandon" -> {
                t.abandoned(micros, number(f.get("HoldTime")));
                queueLog(micros, linkedid, f.get("Queue"), "NONE", "ABANDON", f.get("Position"),
                        f.get("OriginalPosition"), f.get("HoldTime"));
            }
            case "BridgeEnter" -> cel("BRIDGE_ENTER", micros, f, "", "", "",
                    "{\"bridge_id\":\"" + f.get("BridgeUniqueid") + "\",\"bridge_technology\":\"simple_bridge\"}");
            case "BridgeLeave" -> cel("BRIDGE_EXIT", micros, f, "", "", "",
                    "{\"bridge_id\":\"" + f.get("BridgeUniqueid") + "\",\"bridge_technology\":\"simple_bridge\"}");
            case "Hangup" -> hangup(t, f, micros, linkedid, uniqueid, channel);
            default -> {
                // Other events add no row a reader of these tables uses.
            }
        }
    }

    private void hangup(CallTruth t, Map<String, String> f, long micros, String linkedid, String uniqueid,
                        String channel) throws SQLException {
        int cause = number(f.get("Cause"));
        cel("HANGUP", micros, f, "", "", "", "{\"hangupcause\":" + cause + ",\"hangupsource\":\"" + channel
                + "\",\"dialstatus\":\"\"}");
        cel("CHAN_END", micros, f, "", "", "", "");
        Set<String> open = openChannels.getOrDefault(linkedid, new LinkedHashSet<>());
        open.remove(uniqueid);
        if (linkedid.equals(uniqueid)) {
            t.ended(micros, cause);
            if (t.isCall()) {
                long start = t.offeredMicros;
                String dst = operatorChannel.getOrDefault(linkedid, "");
                int seconds = (int) ((micros - start) / 1_000_000);
                cdr.setObject(1, ts(start));
                cdr.setObject(2, ts(start));
                cdr.setObject(3, ts(start));
                cdr.setObject(4, ts(micros));
                cdr.setString(5, "\"" + t.number + "\" <" + t.number + ">");
                cdr.setString(6, t.number);
                cdr.setString(7, t.exten);
                cdr.setString(8, INBOUND_CONTEXT);
                cdr.setString(9, t.channel);
                cdr.setString(10, dst);
                cdr.setString(11, t.queue != null ? "Queue" : "Playback");
                cdr.setInt(12, seconds);
                cdr.setInt(13, seconds);
                cdr.setString(14, linkedid);
                cdr.setString(15, linkedid);
                cdr.setInt(16, ++cdrSequence);
                cdr.addBatch();
                rows.incrementAndGet();
            }
        }
        if (open.isEmpty()) {
            openChannels.remove(linkedid);
            operatorChannel.remove(linkedid);
            cel("LINKEDID_END", micros, f, "", "", "", "");
        }
    }

    private void cel(String type, long micros, Map<String, String> f, String app, String appData, String peer,
                     String extra) throws SQLException {
        cel.setString(1, type);
        cel.setObject(2, ts(micros));
        cel.setString(3, f.getOrDefault("CallerIDName", ""));
        cel.setString(4, f.getOrDefault("CallerIDNum", ""));
        cel.setString(5, "CHAN_START".equals(type) ? "" : f.getOrDefault("CallerIDNum", ""));
        cel.setString(6, f.getOrDefault("Exten", ""));
        cel.setString(7, f.getOrDefault("Context", ""));
        cel.setString(8, f.getOrDefault("Channel", ""));
        cel.setString(9, app);
        cel.setString(10, appData);
        cel.setString(11, f.get("Uniqueid"));
        cel.setString(12, f.get("Linkedid"));
        cel.setString(13, peer);
        cel.setString(14, extra);
        cel.addBatch();
        rows.incrementAndGet();
    }

    private void queueLog(long micros, String callid, String queueName, String agent, String event, String d1,
                          String d2, String d3) throws SQLException {
        queueLog.setObject(1, ts(micros));
        queueLog.setString(2, callid);
        queueLog.setString(3, queueName);
        queueLog.setString(4, agent);
        queueLog.setString(5, event);
        queueLog.setString(6, d1 == null ? "" : d1);
        queueLog.setString(7, d2 == null ? "" : d2);
        queueLog.setString(8, d3 == null ? "" : d3);
        queueLog.addBatch();
        rows.incrementAndGet();
    }

    /** UTC wall time as a timestamp without time zone, as the Asterisk modules are configured to write it. */
    private static LocalDateTime ts(long micros) {
        return (LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC));
    }

    static int number(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Stops after writing what is queued. */
    @Override
    public void close() throws Exception {
        running = false;
        thread.join(60_000);
        connection.close();
    }
}
