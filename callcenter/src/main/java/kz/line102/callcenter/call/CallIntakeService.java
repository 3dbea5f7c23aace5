package kz.line102.callcenter.call;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.call.JdbcCallRepository.StoredEvent;
import kz.line102.callcenter.call.stream.StreamMessage;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.stream.CallEventCodec;
import kz.line102.cti.stream.MalformedCallEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits a batch of stream entries in one transaction: new events are stored, the
 * records of the calls they touch are recomputed from all their events, and entries
 * that are not call events are kept as rejects. A replayed event is stored once and
 * changes nothing. Built in {@code CallConfiguration} on the intake pool.
 */
public class CallIntakeService {

    private static final Logger log = LoggerFactory.getLogger(CallIntakeService.class);

    private final JdbcCallRepository calls;
    private final CallRecordProjector projector;
    private final TransactionTemplate tx;
    private final CallEventCodec codec = new CallEventCodec();
    private final Counter committed;
    private final Counter duplicates;
    private final Counter rejected;
    private final List<CallIntakeListener> listeners;

    public CallIntakeService(JdbcCallRepository calls, CallRecordProjector projector, TransactionTemplate tx,
                             MeterRegistry meters, List<CallIntakeListener> listeners) {
        this.calls = calls;
        this.listeners = List.copyOf(listeners);
        this.projector = projector;
        this.tx = tx;
        this.committed = Counter.builder("line102.callcenter.events.committed")
                .description("call events stored in PostgreSQL").register(meters);
        this.duplicates = Counter.builder("line102.callcenter.events.duplicate")
                .description("call events delivered again and ignored").register(meters);
        this.rejected = Counter.builder("line102.callcenter.events.rejected")
                .description("stream entries that were not readable call events (kept in call_event_rejects)")
                .register(meters);
    }

    public void intake(List<StreamMessage> messages) {
        try {
            commit(messages);
        } catch (DataAccessException e) {
            if (!(e instanceof DataIntegrityViolationException)) {
                throw e; // the database is away or refusing: leave the entries pending
            }
            isolate(messages, e);
        } catch (RuntimeException e) {
            isolate(messages, e);
        }
    }

    /**
     * One entry the database or the projection cannot take must not hold up the
     * stream: commit the batch entry by entry, and keep an entry that fails alone as
     * a reject with the reason.
     */
    private void isolate(List<StreamMessage> messages, RuntimeException cause) {
        if (messages.size() > 1) {
            log.warn("a batch of {} stream entries failed ({}); committing them one by one", messages.size(),
                    cause.toString());
            for (StreamMessage m : messages) {
                intake(List.of(m));
            }
            return;
        }
        StreamMessage m = messages.get(0);
        log.error("stream entry {} cannot be committed ({}); kept in call_event_rejects: {}", m.id(),
                cause.toString(), m.fields());
        tx.executeWithoutResult(status -> calls.insertRejects(List.<String[]>of(
                new String[] {m.id(), line(m), "not committed: " + cause.getMessage()})));
        rejected.increment();
    }

    private void commit(List<StreamMessage> messages) {
        List<StoredEvent> events = new ArrayList<>(messages.size());
        Map<UUID, CallEvent> decoded = new HashMap<>();
        List<String[]> rejects = new ArrayList<>();
        for (StreamMessage m : messages) {
            String line = line(m);
            try {
                CallEvent e = codec.decode(codec.fromLine(line));
                decoded.put(UUID.fromString(e.eventId().value()), e);
                events.add(new StoredEvent(UUID.fromString(e.eventId().value()), UUID.fromString(e.callId().value()),
                        e.type(), e.at(), line, m.id()));
            } catch (MalformedCallEventException | IllegalArgumentException e) {
                log.error("stream entry {} is not a call event ({}); kept in call_event_rejects: {}",
                        m.id(), e.getMessage(), m.fields());
                rejects.add(new String[] {m.id(), line, e.getMessage()});
            }
        }
        events.sort(Comparator.comparing(StoredEvent::eventId));
        Committed done = tx.execute(status -> {
            if (!rejects.isEmpty()) {
                calls.insertRejects(rejects);
            }
            List<StoredEvent> inserted = calls.insertNew(events);
            if (inserted.isEmpty()) {
                return Committed.NOTHING;
            }
            List<UUID> changed = new ArrayList<>(new TreeSet<>(inserted.stream().map(StoredEvent::callId).toList()));
            calls.lockCalls(changed);
            List<CallRecord> records = project(calls.payloads(changed));
            calls.update(records);
            // Listeners see the new events in the order they happened, not in id order.
            List<CallEvent> fresh = new ArrayList<>(inserted.stream().map(e -> decoded.get(e.eventId())).toList());
            fresh.sort(Comparator.comparing(CallEvent::at));
            return new Committed(fresh, records);
        });
        committed.increment(done.events().size());
        duplicates.increment(events.size() - done.events().size());
        rejected.increment(rejects.size());
        notifyListeners(done);
    }

    /** Tells the features that follow calls (screen-pop, live state) what was just committed. */
    private void notifyListeners(Committed done) {
        if (done.events().isEmpty()) {
            return;
        }
        for (CallIntakeListener listener : listeners) {
            try {
                listener.committed(done.events(), done.records());
            } catch (RuntimeException e) {
                // The record is stored; a listener's failure must not make the stream deliver it again.
                log.error("intake listener {} failed on {} events", listener.getClass().getSimpleName(),
                        done.events().size(), e);
            }
        }
    }

    private record Committed(List<CallEvent> events, List<CallRecord> records) {
        static final Committed NOTHING = new Committed(List.of(), List.of());
    }

    /**
     * The entry as one JSON line. PostgreSQL text cannot hold NUL, so a NUL that came
     * in is stored as U+FFFD instead of failing the whole batch.
     */
    private String line(StreamMessage m) {
        return codec.toLine(m.fields()).replace("\\u0000", "\\uFFFD");
    }

    private List<CallRecord> project(Map<UUID, List<String>> payloads) {
        List<CallRecord> records = new ArrayList<>(payloads.size());
        Map<UUID, List<CallEvent>> byCall = new HashMap<>();
        payloads.forEach((call, lines) -> {
            List<CallEvent> decoded = new ArrayList<>(lines.size());
            for (String line : lines) {
                decoded.add(codec.decode(codec.fromLine(line)));
            }
            byCall.put(call, decoded);
        });
        byCall.forEach((call, events) -> records.add(projector.project(new CallId(call.toString()), events)));
        return records;
    }
}
