package kz.line102.callcenter.watch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The other way of the links: what the watch holds about one incident card, the register
 * entries linked to it and the serious-event reports drafted from it, for the card's page. The
 * incident module does not know the watch (module borders); the page asks the watch by the
 * card's id. Read like the journals: the entries of a confidential register are audited as read.
 */
@Service
class CardLinkService {

    private static final Logger log = LoggerFactory.getLogger(CardLinkService.class);
    private static final int MAX_REPORTS = 200;

    private final EntryLinkStore links;
    private final SeriousReportStore reportStore;
    private final SeriousReportService reports;
    private final WatchProperties props;
    private final WatchAudit audit;

    CardLinkService(EntryLinkStore links, SeriousReportStore reportStore, SeriousReportService reports,
                    WatchProperties props, WatchAudit audit) {
        this.links = links;
        this.reportStore = reportStore;
        this.reports = reports;
        this.props = props;
        this.audit = audit;
    }

    /** A linked entry as the card shows it; {@code confidential}: its read was audited. */
    record LinkedEntry(long entryId, String journal, int year, int number, Instant at, String kuiNumber,
                       String linkedBy, Instant linkedAt, boolean confidential) {
    }

    /** {@code state} as the watch page names it: draft, signed, sent or dead. */
    record LinkedReport(long id, String kuiNumber, String eventType, Instant draftedAt, String state, Instant signedAt) {
    }

    record Links(UUID incident, List<LinkedEntry> entries, List<LinkedReport> reports) {
    }

    @Transactional
    Links forIncident(String incident, String reader) {
        UUID id = parse(incident, reader);
        Map<String, List<String>> confidential = new TreeMap<>();
        List<LinkedEntry> entries = links.linksTo(id).stream().map(l -> {
            WatchProperties.Journal journal = props.journals().get(l.kind());
            // A kind no longer configured is read as confidential: its rules are not known now.
            boolean secret = journal == null || journal.confidential();
            if (secret) {
                confidential.computeIfAbsent(l.kind(), k -> new java.util.ArrayList<>()).add(l.year() + "/" + l.number());
            }
            return new LinkedEntry(l.entryId(), l.kind(), l.year(), l.number(), l.at(), l.kuiNumber(), l.linkedBy(),
                    l.linkedAt(), secret);
        }).toList();
        confidential.forEach((kind, read) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("journal", kind);
            detail.put("entries", read);
            detail.put("incident", id.toString());
            audit.append(reader, "confidential-read", detail);
        });
        List<LinkedReport> linked = reportStore.ids(id, null, MAX_REPORTS).stream().map(reports::report)
                .map(r -> new LinkedReport(r.id(), r.kuiNumber(), r.current().eventType(), r.draftedAt(), r.state(),
                        r.signature() == null ? null : r.signature().signedAt()))
                .toList();
        return new Links(id, entries, linked);
    }

    private static UUID parse(String incident, String reader) {
        try {
            return UUID.fromString(incident == null ? "" : incident.strip());
        } catch (IllegalArgumentException e) {
            log.warn("user={} card links refused: '{}' is no card id", reader, incident);
            throw WatchProblem.invalid("a card is named by its id (a UUID), not '" + incident + "'");
        }
    }
}
