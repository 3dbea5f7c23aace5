package kz.line102.callcenter.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chief's hand-over (order 439, item 14): when the chief of the centre changes, a
 * commission of at least three people hands over the documentation and property with an act
 * that lists them; the act is complete when every member and both chiefs have signed it, each
 * in their own account. Acts are never changed: a mistake is a new act.
 */
@Service
class CommissionService {

    static final int MIN_MEMBERS = 3;
    private static final int MAX_MEMBERS = 20;
    private static final int MAX_ITEMS = 2000;
    private static final Set<String> KINDS = Set.of("DOCUMENT", "PROPERTY");
    private static final Logger log = LoggerFactory.getLogger(CommissionService.class);

    private final CommissionStore store;
    private final JournalService journals;
    private final WatchAudit audit;

    CommissionService(CommissionStore store, JournalService journals, WatchAudit audit) {
        this.store = store;
        this.journals = journals;
        this.audit = audit;
    }

    record NewAct(String outgoingChief, String incomingChief, List<String> members, String note,
                  List<NewItem> items) {
    }

    record NewItem(String kind, String title, String serialNumber, Integer quantity, String condition) {
    }

    /** {@code awaiting}: who has still to sign; {@code complete} once nobody is left. */
    record Act(long id, String outgoingChief, String incomingChief, List<String> members, String note, String drawnBy,
               Instant drawnAt, List<CommissionStore.Item> items, List<CommissionStore.Signature> signatures,
               List<String> awaiting, boolean complete) {
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    Act draw(String by, NewAct a) {
        if (a == null) {
            throw refused(by, "an act needs its chiefs, members and items");
        }
        String outgoing = person(by, a.outgoingChief(), "the outgoing chief");
        String incoming = person(by, a.incomingChief(), "the incoming chief");
        if (outgoing.equals(incoming)) {
            throw refused(by, "the outgoing and the incoming chief are two people");
        }
        Set<String> members = new LinkedHashSet<>();
        for (String m : a.members() == null ? List.<String>of() : a.members()) {
            members.add(person(by, m, "a member"));
        }
        if (members.size() < MIN_MEMBERS) {
            log.warn("user={} act refused: a commission of {}", by, members.size());
            audit.append(by, "commission-refused", Map.of("members", List.copyOf(members)));
            throw WatchProblem.invalidCode(ProblemCodes.COMMISSION_TOO_SMALL, "a commission has at least " + MIN_MEMBERS
                    + " people, not " + members.size());
        }
        if (members.size() > MAX_MEMBERS) {
            throw refused(by, "a commission has at most " + MAX_MEMBERS + " members");
        }
        List<NewItem> items = a.items() == null ? List.of() : a.items();
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw refused(by, "an act lists 1 to " + MAX_ITEMS + " items of documentation and property");
        }
        List<CommissionStore.Item> clean = new ArrayList<>();
        for (NewItem i : items) {
            if (i == null || i.kind() == null || !KINDS.contains(i.kind())) {
                throw refused(by, "an item's kind is one of " + KINDS);
            }
            String title = journals.text("commission", by, i.title());
            String serial = i.serialNumber() == null || i.serialNumber().isBlank() ? null : i.serialNumber().strip();
            if ("PROPERTY".equals(i.kind()) && serial == null) {
                throw refused(by, "property is handed over piece by piece: '" + title + "' needs its serial number");
            }
            int quantity = i.quantity() == null ? 1 : i.quantity();
            if (quantity < 1 || quantity > 100_000 || serial != null && serial.length() > 200) {
                throw refused(by, "'" + title + "': a quantity is 1 to 100000 and a serial number at most 200 characters");
            }
            String condition = i.condition() == null || i.condition().isBlank() ? null
                    : journals.text("commission", by, i.condition());
            clean.add(new CommissionStore.Item(i.kind(), title, serial, quantity, condition));
        }
        String note = a.note() == null || a.note().isBlank() ? null : journals.text("commission", by, a.note());
        long id = store.insert(outgoing, incoming, List.copyOf(members), note, by);
        clean.forEach(i -> store.insertItem(id, i));
        audit.append(by, "commission-act-drawn", Map.of("act", id, "outgoing", outgoing, "incoming", incoming,
                "members", List.copyOf(members), "items", clean.size()));
        log.info("commission act {} drawn by {}: {} -> {}, {} members, {} items", id, by, outgoing, incoming, members.size(),
                clean.size());
        return act(id);
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    Act sign(long id, String by) {
        CommissionStore.Head head = store.head(id, true);
        if (head == null) {
            throw WatchProblem.notFound(ProblemCodes.NO_SUCH_ACT, "there is no commission act " + id);
        }
        String capacity = by.equals(head.outgoingChief()) ? "OUTGOING" : by.equals(head.incomingChief()) ? "INCOMING"
                : head.members().contains(by) ? "MEMBER" : null;
        if (capacity == null) {
            log.warn("user={} refused: not on commission act {}", by, id);
            audit.append(by, "commission-sign-refused", Map.of("act", id));
            throw WatchProblem.forbidden(ProblemCodes.NOT_IN_COMMISSION, by + " is neither a member of the commission of act " + id
                    + " nor one of its chiefs");
        }
        if (store.signatures(id).stream().anyMatch(s -> s.signer().equals(by))) {
            throw WatchProblem.conflict(ProblemCodes.ACT_SIGNED, by + " has signed act " + id + " already");
        }
        store.sign(id, by, capacity);
        Act act = act(id);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("act", id);
        detail.put("capacity", capacity);
        detail.put("complete", act.complete());
        audit.append(by, "commission-act-signed", detail);
        log.info("commission act {} signed by {} ({}){}", id, by, capacity, act.complete() ? ": complete" : "");
        return act;
    }

    Act act(long id) {
        CommissionStore.Head h = store.head(id, false);
        if (h == null) {
            throw WatchProblem.notFound(ProblemCodes.NO_SUCH_ACT, "there is no commission act " + id);
        }
        List<CommissionStore.Signature> signatures = store.signatures(id);
        Set<String> awaiting = new LinkedHashSet<>();
        awaiting.add(h.outgoingChief());
        awaiting.add(h.incomingChief());
        awaiting.addAll(h.members());
        signatures.forEach(s -> awaiting.remove(s.signer()));
        return new Act(h.id(), h.outgoingChief(), h.incomingChief(), h.members(), h.note(), h.drawnBy(), h.drawnAt(),
                store.items(id), signatures, List.copyOf(awaiting), awaiting.isEmpty());
    }

    List<Act> recent(int limit) {
        return store.ids(limit).stream().map(this::act).toList();
    }

    private String person(String by, String name, String what) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw refused(by, what + " is named by their account, 1 to 200 characters");
        }
        return name.strip();
    }

    private WatchProblem refused(String by, String detail) {
        log.warn("user={} commission act refused: {}", by, detail);
        audit.append(by, "commission-refused", Map.of("reason", detail));
        return WatchProblem.invalid(detail);
    }
}
