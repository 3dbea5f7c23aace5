package kz.line102.callcenter.watch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-over of a watch (order 439, items 17-21): the outgoing officer lists the briefing
 * and the documents and property (with serial numbers); the incoming officer checks each
 * item; a shortcoming goes into the Book of official reports, and so does its fixing; the
 * incoming officer can accept only a complete inventory; the watch is handed over when both
 * officers, two different people, have signed. Nothing here is ever changed, only added.
 * A refusal commits (noRollbackFor): its audit entry stays, and every write comes after the checks.
 */
@Service
class HandoverService {

    static final Set<String> KINDS = Set.of("BRIEFING", "DOCUMENT", "PROPERTY");
    static final Set<String> RESULTS = Set.of("PRESENT", "MISSING", "DAMAGED");
    static final Set<String> SIDES = Set.of("OUTGOING", "INCOMING");
    private static final Logger log = LoggerFactory.getLogger(HandoverService.class);

    private final WatchProperties props;
    private final WatchCalendar calendar;
    private final WatchStore store;
    private final JournalService journals;
    private final WatchAudit audit;
    private final RosterService rosters;
    private final OrientationService orientations;

    HandoverService(WatchProperties props, WatchCalendar calendar, WatchStore store, JournalService journals,
                    WatchAudit audit, RosterService rosters, OrientationService orientations) {
        this.rosters = rosters;
        this.orientations = orientations;
        this.props = props;
        this.calendar = calendar;
        this.store = store;
        this.journals = journals;
        this.audit = audit;
    }

    /**
     * {@code state}: open, handing-over (one signature) or handed-over; {@code roster}: the shift
     * pattern, who is on this watch, the breaks and the rest after it; {@code orientations}: the
     * orientations in force, which the incoming shift takes over.
     */
    record View(String key, Instant start, Instant end, String zone, int shift, int shifts, List<String> breaks,
                String state, boolean inventoryComplete, List<WatchStore.Item> items, List<WatchStore.Signoff> signoffs,
                String previous, String previousState, RosterService.Roster roster, List<WatchStore.Entry> orientations) {
    }

    record NewItem(String kind, String title, String serialNumber, Integer quantity) {
    }

    record Check(String result, String note) {
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    View view(String key) {
        return view(key == null ? calendar.current() : calendar.parse(key));
    }

    private View view(WatchCalendar.Watch w) {
        long id = store.ensure(w);
        List<WatchStore.Item> items = store.items(id);
        List<WatchStore.Signoff> signoffs = store.signoffs(id);
        WatchCalendar.Watch previous = calendar.containing(w.start().minusSeconds(1));
        String previousState = state(store.signoffs(store.ensure(previous)));
        RosterService.Roster roster = rosters.roster(w);
        return new View(w.key().toString(), w.start(), w.end(), props.zone().getId(), w.shift(), props.shifts(),
                roster.breaks(), state(signoffs), complete(items), items, signoffs, previous.key().toString(), previousState,
                roster, orientations.active(w));
    }

    private static String state(List<WatchStore.Signoff> signoffs) {
        return signoffs.isEmpty() ? "open" : signoffs.size() == 1 ? "handing-over" : "handed-over";
    }

    private static boolean complete(List<WatchStore.Item> items) {
        return items.stream().allMatch(i -> "PRESENT".equals(i.result()));
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    View addItem(String key, String by, NewItem item) {
        WatchCalendar.Watch w = calendar.parse(key);
        if (item.kind() == null || !KINDS.contains(item.kind())) {
            throw refused(by, "item-refused", "an item's kind is one of " + KINDS + ", not " + item.kind());
        }
        String title = journals.text("handover", by, item.title());
        String serial = item.serialNumber() == null || item.serialNumber().isBlank() ? null : item.serialNumber().strip();
        if ("PROPERTY".equals(item.kind()) && serial == null) {
            throw refused(by, "item-refused", "property is handed over piece by piece: '" + title + "' needs its serial number");
        }
        if (serial != null && serial.length() > 200) {
            throw refused(by, "item-refused", "a serial number has at most 200 characters");
        }
        int quantity = item.quantity() == null ? 1 : item.quantity();
        if (quantity < 1 || quantity > 100_000) {
            throw refused(by, "item-refused", "a quantity is 1 to 100000, not " + quantity);
        }
        long watchId = store.ensure(w);
        store.lock(watchId, true);
        if (!store.signoffs(watchId).isEmpty()) {
            log.warn("watch={} user={} item refused: the hand-over is being signed", w.key(), by);
            throw WatchProblem.conflict(ProblemCodes.HANDOVER_SIGNED, "the hand-over of " + w.key()
                    + " has been signed: its lists can no longer grow");
        }
        long id = store.addItem(watchId, item.kind(), title, serial, quantity, by);
        audit.append(by, "handover-item-added", detail(w, "item", id, "kind", item.kind()));
        log.info("watch={} hand-over item {} ({}) added by {}", w.key(), id, item.kind(), by);
        return view(w);
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    View check(long itemId, String by, Check check) {
        Map.Entry<Long, WatchStore.Item> found = store.item(itemId);
        if (found == null) {
            log.warn("user={} check refused: no hand-over item {}", by, itemId);
            throw WatchProblem.notFound(ProblemCodes.NO_SUCH_ITEM, "there is no hand-over item " + itemId);
        }
        WatchStore.Item item = found.getValue();
        if (check.result() == null || !RESULTS.contains(check.result())) {
            throw refused(by, "check-refused", "a check's result is one of " + RESULTS + ", not " + check.result());
        }
        boolean shortcoming = !"PRESENT".equals(check.result());
        boolean fixed = !shortcoming && item.result() != null && !"PRESENT".equals(item.result());
        String note = check.note() == null || check.note().isBlank() ? null : journals.text("handover", by, check.note());
        if ((shortcoming || fixed) && note == null) {
            throw refused(by, "check-refused", shortcoming
                    ? "a shortcoming needs its description: it goes into the Book of official reports"
                    : "a fixed shortcoming needs what was done: it goes into the Book of official reports");
        }
        long watchId = found.getKey();
        store.lock(watchId, true);
        if (store.signoffs(watchId).stream().anyMatch(s -> s.side().equals("INCOMING"))) {
            throw WatchProblem.conflict(ProblemCodes.HANDOVER_SIGNED, "the incoming officer has accepted this hand-over already");
        }
        store.check(itemId, check.result(), note, by);
        WatchCalendar.Watch w = calendar.parse(key(watchId));
        if (shortcoming || fixed) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("handoverItem", item.title());
            if (item.serialNumber() != null) {
                fields.put("serialNumber", item.serialNumber());
            }
            fields.put("result", fixed ? "FIXED" : check.result());
            journals.write(JournalService.OFFICIAL_REPORTS, by, w, note, null, itemId, fields);
        }
        audit.append(by, "handover-item-checked", detail(w, "item", itemId, "result", check.result()));
        return view(w);
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    View sign(String key, String by, String side) {
        WatchCalendar.Watch w = calendar.parse(key);
        if (side == null || !SIDES.contains(side)) {
            throw refused(by, "sign-refused", "a signature is OUTGOING or INCOMING, not " + side);
        }
        long watchId = store.ensure(w);
        store.lock(watchId, true);
        List<WatchStore.Signoff> signed = store.signoffs(watchId);
        for (WatchStore.Signoff s : signed) {
            if (s.side().equals(side)) {
                throw WatchProblem.conflict(ProblemCodes.ALREADY_SIGNED, "the " + side.toLowerCase() + " officer " + s.signedBy()
                        + " signed this hand-over at " + s.signedAt());
            }
            if (s.signedBy().equals(by)) {
                log.warn("watch={} user={} refused: signing both sides", w.key(), by);
                throw WatchProblem.conflict(ProblemCodes.SAME_OFFICER, "the hand-over is signed by two officers: " + by
                        + " signed it as " + s.side().toLowerCase() + " already");
            }
        }
        if (side.equals("INCOMING")) {
            List<WatchStore.Item> open = store.items(watchId).stream().filter(i -> !"PRESENT".equals(i.result())).toList();
            if (!open.isEmpty()) {
                log.warn("watch={} user={} acceptance refused: {} items not confirmed", w.key(), by, open.size());
                audit.append(by, "handover-refused", detail(w, "open", open.size(), "side", side));
                throw WatchProblem.conflict(ProblemCodes.HANDOVER_INCOMPLETE, open.size()
                        + " items of the inventory are not checked or not in order: " + open.stream()
                        .map(i -> i.title() + (i.serialNumber() == null ? "" : " " + i.serialNumber())).toList());
            }
        }
        store.sign(watchId, side, by);
        audit.append(by, "handover-signed", detail(w, "side", side, "signatures", signed.size() + 1));
        log.info("watch={} hand-over signed {} by {}{}", w.key(), side, by, signed.size() == 1 ? ": handed over" : "");
        return view(w);
    }

    private String key(long watchId) {
        Instant start = store.start(watchId);
        return calendar.containing(start).key().toString();
    }

    private WatchProblem refused(String by, String action, String detail) {
        log.warn("user={} {}: {}", by, action, detail);
        audit.append(by, action, Map.of("reason", detail));
        return WatchProblem.invalid(detail);
    }

    private static Map<String, Object> detail(WatchCalendar.Watch w, Object... pairs) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("watch", w.key().toString());
        for (int i = 0; i < pairs.length; i += 2) {
            d.put((String) pairs[i], pairs[i + 1]);
        }
        return d;
    }
}
