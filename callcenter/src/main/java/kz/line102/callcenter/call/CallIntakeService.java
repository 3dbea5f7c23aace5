package kz.line102.callcenter.call;

import kz.line102.callcenter.app.PersonalData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.call.JdbcCallRepository.StoredEvent;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.stream.CallEventCodec;
import kz.line102.cti.stream.MalformedCallEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits a batch of stream entries in one transaction: new events are stored, the
 * records of the calls they touch are recomputed from all their events, the hand-offs
 * that must follow them are written to the {@link CallOutbox}, and entries that are not
 * call events are kept as rejects. A replayed event is stored once and changes nothing.
 *
 * <p>Nothing is acknowledged that was not stored. When the store is away (no
 * transaction, a lost connection, a timeout, a serialization failure, an exhausted pool)
 * the batch is thrown back whole and stays pending; {@link CallIntakeHealth} says intake
 * is failing. When the store refuses an entry for a reason of its own, the batch is
 * committed entry by entry and only that entry stays pending; after
 * {@code poison-after} such failures (counted per entry id across deliveries and nodes)
 * it is set aside in {@code call_event_rejects} with its reason, so it cannot stall the
 * stream.
 *
 * <p>Built in {@code CallConfiguration} on the intake pool.
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
    private final Counter poisoned;
    private final List<CallIntakeListener> listeners;
    private final CallOutbox outbox;
    private final JdbcIntakeFailures failures;
    private final CallIntakeHealth health;
    private final int poisonAfter;

    public CallIntakeService(JdbcCallRepository calls, CallRecordProjector projector, TransactionTemplate tx,
                             MeterRegistry meters, List<CallIntakeListener> listeners, CallOutbox outbox,
                             JdbcIntakeFailures failures, CallIntakeHealth health, CallIntakeProperties props) {
        this.calls = calls;
        this.listeners = List.copyOf(listeners);
        this.projector = projector;
        this.tx = tx;
        this.outbox = outbox;
        this.failures = failures;
        this.health = health;
        this.poisonAfter = props.poisonAfter();
        this.committed = Counter.builder("line102.callcenter.events.committed")
                .description("call events stored in PostgreSQL").register(meters);
        this.duplicates = Counter.builder("line102.callcenter.events.duplicate")
                .description("call events delivered again and ignored").register(meters);
        this.rejected = Counter.builder("line102.callcenter.events.rejected")
                .description("stream entries that were not readable call events (kept in call_event_rejects)")
                .register(meters);
        this.poisoned = Counter.builder("line102.callcenter.events.poison")
                .description("stream entries set aside in call_event_rejects after failing poison-after times")
                .register(meters);
    }

    /**
     * @return ids of entries that were not stored and must stay pending, to be tried
     *         again (each has had fewer than {@code poison-after} failures)
     * @throws RuntimeException when the store is away: the whole batch stays pending
     */
    public Set<String> intake(List<StreamMessage> messages) {
        try {
            commit(messages);
            health.stored();
            return Set.of();
        } catch (RuntimeException e) {
            if (StoreFailures.isInfrastructure(e)) {
                health.storeFailed(e);
                throw e;
            }
            if (messages.size() == 1) {
                return failedAlone(messages.get(0), e);
            }
            log.warn("a batch of {} stream entries failed ({}); committing them one by one", messages.size(),
                    e.toString());
            Set<String> keep = new LinkedHashSet<>();
            for (StreamMessage m : messages) {
                keep.addAll(intake(List.of(m)));
            }
            return keep;
        }
    }

    /**
     * One entry the store refused for a reason of its own. The failure is counted first
     * (if even that cannot be written, the store is away after all: retried as such).
     */
    private Set<String> failedAlone(StreamMessage m, RuntimeException cause) {
        try {
            int failed = tx.execute(status -> failures.count(m.id(), cause.toString()));
            if (failed < poisonAfter) {
                log.warn("stream entry {} not stored ({}), failure {} of {}; it stays pending and is tried again",
                        m.id(), cause.toString(), failed, poisonAfter);
                return Set.of(m.id());
            }
            log.error("stream entry {} failed {} times ({}); set aside as poison in call_event_rejects: {}", m.id(),
                    failed, PersonalData.text(cause.toString()), PersonalData.text(m.fields()));
            String reason = "poison: not stored after " + failed + " attempts: " + cause;
            try {
                tx.executeWithoutResult(status -> failures.setAside(m.id(), line(m), reason));
            } catch (RuntimeException asIs) {
                if (StoreFailures.isInfrastructure(asIs)) {
                    throw asIs;
                }
                // The content itself is what the database refuses: keep it as one text field.
                String text = String.valueOf(m.fields()).replace('\0', '\uFFFD');
                String safe = codec.toLine(Map.of("unstorable", text));
                tx.executeWithoutResult(status -> failures.setAside(m.id(), safe, reason + " (kept as text: " + asIs
                        + ")"));
            }
            poisoned.increment();
            health.stored();
            return Set.of();
        } catch (RuntimeException e) {
            if (StoreFailures.isInfrastructure(e)) {
                health.storeFailed(e);
            }
            throw e;
        }
    }

    private void commit(List<StreamMessage> messages) {
        List<StoredEvent> events = new ArrayList<>(messages.size());
        Map<UUID, CallEvent> decoded = new HashMap<>();
        List<String[]> rejects = new ArrayList<>();
        for (StreamMessage m : messages) {
            String line = line(m);
            try {
                // Decoded once, from the fields as stored (NUL already replaced): the projection
                // below reuses it for this batch's events and decodes only the call's older ones.
                CallEvent e = codec.decode(storable(m.fields()));
                decoded.put(UUID.fromString(e.eventId().value()), e);
                events.add(new StoredEvent(UUID.fromString(e.eventId().value()), UUID.fromString(e.callId().value()),
                        e.type(), e.at(), line, m.id()));
            } catch (MalformedCallEventException | IllegalArgumentException e) {
                log.error("stream entry {} is not a call event ({}); kept in call_event_rejects: {}",
                        m.id(), PersonalData.text(e.getMessage()), PersonalData.text(m.fields()));
                rejects.add(new String[] {m.id(), line, e.getMessage()});
            }
        }
        events.sort(Comparator.comparing(StoredEvent::eventId));
        Committed done = tx.execute(status -> {
            failures.forget(messages.stream().map(StreamMessage::id).toList());
            if (!rejects.isEmpty()) {
                calls.insertRejects(rejects);
            }
            List<StoredEvent> inserted = calls.insertNew(events);
            if (inserted.isEmpty()) {
                return Committed.NOTHING;
            }
            List<UUID> changed = new ArrayList<>(new TreeSet<>(inserted.stream().map(StoredEvent::callId).toList()));
            calls.lockCalls(changed);
            List<CallRecord> records = project(calls.payloads(changed), decoded);
            calls.update(records);
            // Listeners see the new events in the order they happened, not in id order.
            List<CallEvent> fresh = new ArrayList<>(inserted.stream().map(e -> decoded.get(e.eventId())).toList());
            fresh.sort(Comparator.comparing(CallEvent::at));
            outbox.add(inserted.stream().map(e -> new CallOutbox.Entry(decoded.get(e.eventId()), e.payload()))
                    .toList());
            return new Committed(fresh, records);
        });
        committed.increment(done.events().size());
        duplicates.increment(events.size() - done.events().size());
        rejected.increment(rejects.size());
        notifyListeners(done);
    }

    /**
     * Tells the live-only features (screen-pop rings, the shared queue load) what was just
     * committed. Work that must not be lost went to the outbox in the transaction.
     */
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

    /** The fields as {@link #line} stores them: NUL in a value becomes U+FFFD. */
    private static Map<String, String> storable(Map<String, String> fields) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, v == null ? null : v.replace('\0', '\uFFFD')));
        return out;
    }

    private List<CallRecord> project(Map<UUID, Map<UUID, String>> payloads, Map<UUID, CallEvent> known) {
        List<CallRecord> records = new ArrayList<>(payloads.size());
        Map<UUID, List<CallEvent>> byCall = new HashMap<>();
        payloads.forEach((call, lines) -> {
            List<CallEvent> decoded = new ArrayList<>(lines.size());
            lines.forEach((eventId, line) -> {
                CallEvent e = known.get(eventId);
                decoded.add(e != null ? e : codec.decode(codec.fromLine(line)));
            });
            byCall.put(call, decoded);
        });
        byCall.forEach((call, events) -> records.add(projector.project(new CallId(call.toString()), events)));
        return records;
    }
}
