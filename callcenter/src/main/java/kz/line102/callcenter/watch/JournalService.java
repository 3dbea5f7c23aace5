package kz.line102.callcenter.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one journal engine behind the Book of official reports, the shift notebook and every
 * register: an entry gets the next number of its kind and year in the inserting transaction
 * (no gaps, no doubles across nodes), is never changed, and is corrected only by a new entry
 * that refers to it. A watch that has been handed over takes no more entries. A refusal
 * commits (noRollbackFor) so its audit entry stays; the entry itself is written after every check.
 */
@Service
class JournalService {

    static final String OFFICIAL_REPORTS = "official-reports";
    private static final Logger log = LoggerFactory.getLogger(JournalService.class);

    private final WatchProperties props;
    private final WatchCalendar calendar;
    private final WatchStore store;
    private final WatchAudit audit;

    JournalService(WatchProperties props, WatchCalendar calendar, WatchStore store, WatchAudit audit) {
        this.props = props;
        this.calendar = calendar;
        this.store = store;
        this.audit = audit;
    }

    /** What a writer asks for; {@code watch} null means the watch running now. */
    record NewEntry(String watch, String text, Long corrects, Map<String, String> fields) {
    }

    WatchProperties.Journal journal(String kind) {
        WatchProperties.Journal journal = props.journals().get(kind);
        if (journal == null) {
            log.warn("journal={} refused: no such journal", kind);
            throw WatchProblem.notFound(ProblemCodes.NO_SUCH_JOURNAL, "there is no journal '" + kind + "': the journals are "
                    + props.journals().keySet());
        }
        return journal;
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    WatchStore.Entry append(String kind, String author, NewEntry e) {
        WatchProperties.Journal journal = journal(kind);
        String text = text(kind, author, e.text());
        Map<String, String> fields = fields(kind, author, journal, e.fields());
        if (e.corrects() != null) {
            WatchStore.Entry old = store.entry(e.corrects());
            if (old == null || !old.kind().equals(kind)) {
                log.warn("journal={} user={} correction refused: entry {} is not in this journal", kind, author, e.corrects());
                audit.append(author, "entry-refused", Map.of("journal", kind, "reason", "no-such-entry",
                        "corrects", e.corrects()));
                throw WatchProblem.notFound(ProblemCodes.NO_SUCH_ENTRY, "entry " + e.corrects() + " is not in the journal "
                        + kind + ": a correction must refer to an entry of the same journal");
            }
        }
        WatchCalendar.Watch watch = e.watch() == null ? calendar.current() : calendar.parse(e.watch());
        return write(kind, author, watch, text, e.corrects(), null, fields);
    }

    /** Writes the entry into an open watch; the caller's transaction decides (hand-over checks call it too). */
    WatchStore.Entry write(String kind, String author, WatchCalendar.Watch watch, String text, Long corrects,
                           Long itemId, Map<String, String> fields) {
        Instant now = calendar.now();
        if (watch.start().isAfter(now)) {
            throw WatchProblem.invalid("the watch " + watch.key() + " has not begun");
        }
        long watchId = store.ensure(watch);
        store.lock(watchId, false);
        List<WatchStore.Signoff> signed = store.signoffs(watchId);
        if (signed.size() == 2) {
            log.warn("journal={} user={} entry refused: watch {} was handed over", kind, author, watch.key());
            audit.append(author, "entry-refused", Map.of("journal", kind, "reason", "watch-closed",
                    "watch", watch.key().toString()));
            throw WatchProblem.conflict(ProblemCodes.WATCH_CLOSED, "the watch " + watch.key()
                    + " has been handed over: its journals take no more entries");
        }
        int year = now.atZone(props.zone()).getYear();
        int number = store.nextNumber(kind, year);
        Duration reportWithin = reportWithin(props.journals().get(kind), corrects, fields);
        long id = store.insertEntry(kind, year, number, watchId, author, text, corrects, itemId, fields, reportWithin);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("journal", kind);
        detail.put("number", year + "/" + number);
        detail.put("watch", watch.key().toString());
        if (corrects != null) {
            detail.put("corrects", corrects);
        }
        audit.append(author, "entry-written", detail);
        log.info("journal={} entry {}/{} by {} in watch {}", kind, year, number, author, watch.key());
        return store.entry(id);
    }

    /**
     * An entry about a crime is reported to the chief at once (item 37): in a register with a
     * {@code reportWithin}, an original entry marked {@code crime} and not naming whom it was
     * reported to carries its deadline; the report is a correction naming {@code reportedTo}.
     */
    private static Duration reportWithin(WatchProperties.Journal journal, Long corrects, Map<String, String> fields) {
        if (journal == null || journal.reportWithin() == null || corrects != null || !isYes(fields.get("crime"))
                || fields.containsKey("reportedTo")) {
            return null;
        }
        return journal.reportWithin();
    }

    /** A yes/no field as the page sends it ({@code true}) or as typed in any of the three languages. */
    static boolean isYes(String value) {
        return value != null && java.util.Set.of("true", "yes", "да", "иә", "1").contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    String text(String kind, String author, String text) {
        if (text == null || text.isBlank()) {
            log.warn("journal={} user={} entry refused: no text", kind, author);
            throw WatchProblem.invalid("an entry needs its text");
        }
        if (text.length() > props.maxText()) {
            log.warn("journal={} user={} entry refused: text of {} characters", kind, author, text.length());
            throw WatchProblem.invalid("the text has " + text.length() + " characters; at most " + props.maxText()
                    + " are taken");
        }
        return text.strip();
    }

    private Map<String, String> fields(String kind, String author, WatchProperties.Journal journal,
                                       Map<String, String> given) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (given == null) {
            return fields;
        }
        for (Map.Entry<String, String> f : given.entrySet()) {
            if (!journal.fields().contains(f.getKey())) {
                log.warn("journal={} user={} entry refused: unknown field {}", kind, author, f.getKey());
                throw WatchProblem.invalid("the journal " + kind + " has no field '" + f.getKey() + "': its fields are "
                        + journal.fields());
            }
            if (f.getValue() != null && f.getValue().length() > props.maxText()) {
                log.warn("journal={} user={} entry refused: field {} too long", kind, author, f.getKey());
                throw WatchProblem.invalid("the field " + f.getKey() + " has " + f.getValue().length()
                        + " characters; at most " + props.maxText() + " are taken");
            }
            if (f.getValue() != null && !f.getValue().isBlank()) {
                fields.put(f.getKey(), f.getValue().strip());
            }
        }
        return fields;
    }

    /** A page of entries; reading a confidential journal is audited. */
    List<WatchStore.Entry> search(String kind, String reader, Instant from, Instant to, String text, Integer number,
                                  Integer year, Integer page, Integer size) {
        WatchProperties.Journal journal = journal(kind);
        int rows = size == null ? props.pageSize() : size;
        int p = page == null ? 0 : page;
        if (rows < 1 || rows > 10_000 || p < 0) {
            throw WatchProblem.invalid("page must be 0 or more and size 1 to 10000");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw WatchProblem.invalid("the period's 'from' must be before its 'to'");
        }
        List<WatchStore.Entry> found = store.search(kind, from, to, text == null || text.isBlank() ? null : text.strip(),
                number, year, null, rows, p * rows);
        if (journal.confidential()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("journal", kind);
            detail.put("entries", found.stream().map(x -> x.year() + "/" + x.number()).toList());
            audit.append(reader, "confidential-read", detail);
        }
        return found;
    }

    /**
     * A page of the entries of every book and register at once, newest first; the read of each
     * confidential register among them is audited with the entries read.
     */
    List<WatchStore.Entry> searchAll(String reader, Instant from, Instant to, String text, Integer number, Integer year,
                                     Integer page, Integer size) {
        int rows = size == null ? props.pageSize() : size;
        int p = page == null ? 0 : page;
        if (rows < 1 || rows > 10_000 || p < 0) {
            throw WatchProblem.invalid("page must be 0 or more and size 1 to 10000");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw WatchProblem.invalid("the period's 'from' must be before its 'to'");
        }
        List<WatchStore.Entry> found = store.search(null, from, to, text == null || text.isBlank() ? null : text.strip(),
                number, year, null, rows, p * rows);
        Map<String, List<String>> confidential = new java.util.TreeMap<>();
        for (WatchStore.Entry e : found) {
            WatchProperties.Journal journal = props.journals().get(e.kind());
            // A kind no longer configured is read as confidential: its rules are not known now.
            if (journal == null || journal.confidential()) {
                confidential.computeIfAbsent(e.kind(), k -> new java.util.ArrayList<>()).add(e.year() + "/" + e.number());
            }
        }
        confidential.forEach((kind, read) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("journal", kind);
            detail.put("entries", read);
            detail.put("search", "all");
            audit.append(reader, "confidential-read", detail);
        });
        return found;
    }
}
