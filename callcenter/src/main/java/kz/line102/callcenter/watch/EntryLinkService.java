package kz.line102.callcenter.watch;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentQuery;
import kz.line102.callcenter.incident.IncidentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links of journal entries to incident cards, named by their KUI number and found through
 * the incident module's API, both ways; and scanned documents attached to entries, kept with
 * their size and SHA-256, each download audited. Nothing is changed or removed.
 */
@Service
class EntryLinkService {

    private static final Logger log = LoggerFactory.getLogger(EntryLinkService.class);
    private static final Pattern NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,255}");
    private static final Pattern TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+");

    private final WatchStore entries;
    private final EntryLinkStore store;
    private final IncidentService incidents;
    private final WatchAudit audit;
    private final WatchProperties props;

    EntryLinkService(WatchStore entries, EntryLinkStore store, IncidentService incidents, WatchAudit audit,
                     WatchProperties props) {
        this.entries = entries;
        this.store = store;
        this.incidents = incidents;
        this.audit = audit;
        this.props = props;
    }

    record Extras(List<EntryLinkStore.Link> incidents, List<EntryLinkStore.Attachment> attachments) {
    }

    record Download(EntryLinkStore.Attachment attachment, byte[] content) {
    }

    Extras extras(long entryId) {
        entry(entryId, "reader");
        return new Extras(store.linksOf(entryId), store.attachmentsOf(entryId));
    }

    /** The entries that refer to the card with this KUI number: the other way of the link. */
    List<EntryLinkStore.Link> entriesFor(String kui, String by) {
        return store.linksTo(card(kui, by).id());
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    Extras link(long entryId, String kui, String by) {
        WatchStore.Entry e = entry(entryId, by);
        Incident card = card(kui, by);
        if (store.link(entryId, card.id(), card.kuiNumber(), by)) {
            audit.append(by, "entry-linked", Map.of("journal", e.kind(), "entry", e.year() + "/" + e.number(),
                    "kui", card.kuiNumber(), "incident", card.id().toString()));
            log.info("journal={} entry {}/{} linked to card {} by {}", e.kind(), e.year(), e.number(), card.kuiNumber(), by);
        }
        return extras(entryId);
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    EntryLinkStore.Attachment attach(long entryId, String name, String contentType, byte[] content, String by) {
        WatchStore.Entry e = entry(entryId, by);
        long max = props.attachmentMax().toBytes();
        if (content == null || content.length == 0) {
            throw refused(by, e, "the attachment is empty");
        }
        if (content.length > max) {
            log.warn("user={} attachment refused: {} bytes over the limit of {}", by, content.length, max);
            audit.append(by, "attachment-refused", Map.of("entry", e.year() + "/" + e.number(), "size", content.length));
            throw WatchProblem.tooLarge(ProblemCodes.ATTACHMENT_TOO_LARGE, "the file has " + content.length + " bytes; at most " + max
                    + " are taken");
        }
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            throw refused(by, e, "an attachment is named in 1 to 255 characters, without slashes");
        }
        String type = contentType == null ? "application/octet-stream" : contentType.split(";")[0].strip().toLowerCase();
        if (!TYPE.matcher(type).matches()) {
            type = "application/octet-stream";
        }
        String sha256 = sha256(content);
        long id = store.attach(entryId, n, type, content, sha256, by);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("journal", e.kind());
        detail.put("entry", e.year() + "/" + e.number());
        detail.put("attachment", id);
        detail.put("size", content.length);
        detail.put("sha256", sha256);
        audit.append(by, "attachment-added", detail);
        log.info("journal={} entry {}/{}: attachment {} ({} bytes) by {}", e.kind(), e.year(), e.number(), id,
                content.length, by);
        return store.attachment(id);
    }

    /** Every download is audited, whoever reads. */
    @Transactional
    Download download(long id, String reader) {
        EntryLinkStore.Attachment a = store.attachment(id);
        if (a == null) {
            throw WatchProblem.notFound(ProblemCodes.NO_SUCH_ATTACHMENT, "there is no attachment " + id);
        }
        audit.append(reader, "attachment-read", Map.of("attachment", id, "entryId", a.entryId(), "sha256", a.sha256()));
        return new Download(a, store.content(id));
    }

    private WatchStore.Entry entry(long entryId, String by) {
        WatchStore.Entry e = entries.entry(entryId);
        if (e == null) {
            log.warn("user={} refused: no entry {}", by, entryId);
            throw WatchProblem.notFound(ProblemCodes.NO_SUCH_ENTRY, "there is no entry " + entryId);
        }
        return e;
    }

    private Incident card(String kui, String by) {
        String k = kui == null ? "" : kui.strip();
        if (k.isEmpty() || k.length() > 100) {
            throw WatchProblem.invalid("a card is named by its KUI number");
        }
        List<Incident> found = incidents.search(new IncidentQuery(null, null, null, null, null, null, null, k, 0, 1));
        if (found.isEmpty()) {
            log.warn("user={} link refused: no card with KUI {}", by, k);
            audit.append(by, "link-refused", Map.of("kui", k));
            throw WatchProblem.notFound(ProblemCodes.NO_SUCH_KUI, "there is no incident card with the KUI number " + k);
        }
        return found.get(0);
    }

    private WatchProblem refused(String by, WatchStore.Entry e, String detail) {
        log.warn("user={} attachment to {}/{} refused: {}", by, e.year(), e.number(), detail);
        audit.append(by, "attachment-refused", Map.of("entry", e.year() + "/" + e.number(), "reason", detail));
        return WatchProblem.invalid(detail);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
