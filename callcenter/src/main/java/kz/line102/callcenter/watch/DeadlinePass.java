package kz.line102.callcenter.watch;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.alert.AlertRequest;
import kz.line102.callcenter.alert.AlertService;
import kz.line102.callcenter.alert.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the register entries about a crime not reported to the chief by their deadline and
 * flags each once: the flag's row and the alert are written in one transaction, so a failed
 * alert is tried again by the next pass, and two nodes (or passes) flag an entry only once;
 * the alert's dedup key is the entry as well.
 */
@Component
class DeadlinePass {

    static final String ALERT_KIND = "watch-report-overdue";
    private static final Logger log = LoggerFactory.getLogger(DeadlinePass.class);
    private static final int PAGE = 200;

    private final WatchStore store;
    private final AlertService alerts;
    private final WatchAudit audit;
    private final WatchProperties props;
    private final TransactionTemplate tx;

    DeadlinePass(WatchStore store, AlertService alerts, WatchAudit audit, WatchProperties props,
                 PlatformTransactionManager tx) {
        this.store = store;
        this.alerts = alerts;
        this.audit = audit;
        this.props = props;
        this.tx = new TransactionTemplate(tx);
    }

    /** Flags what is overdue at {@code now}; returns how many entries it flagged. */
    int run(Instant now) {
        int flagged = 0;
        while (true) {
            List<WatchStore.Entry> due = store.overdueUnflagged(now, PAGE);
            for (WatchStore.Entry e : due) {
                if (Boolean.TRUE.equals(tx.execute(s -> flag(e)))) {
                    flagged++;
                }
            }
            if (due.size() < PAGE) {
                return flagged;
            }
        }
    }

    private boolean flag(WatchStore.Entry e) {
        if (!store.flagOverdue(e.id(), e.deadline())) {
            return false;
        }
        String deadline = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(e.deadline().atZone(props.zone()));
        // The title is in the centre's language (AlertRequest); the page shows the rest in ru/kk/en.
        String title = "Не доложено начальнику о преступлении: запись " + e.year() + "/" + e.number() + " (" + e.kind()
                + "), срок " + deadline;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("journal", e.kind());
        detail.put("entry", e.year() + "/" + e.number());
        detail.put("entryId", e.id());
        detail.put("deadline", e.deadline().toString());
        alerts.raise(new AlertRequest(ALERT_KIND + ":" + e.id(), ALERT_KIND, Severity.WARNING, title, detail, null, "system"));
        audit.append("system", "entry-overdue", detail);
        log.warn("journal={} entry {}/{} not reported to the chief by {}: flagged overdue", e.kind(), e.year(), e.number(),
                deadline);
        return true;
    }
}
