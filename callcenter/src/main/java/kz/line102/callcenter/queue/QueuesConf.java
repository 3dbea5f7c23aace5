package kz.line102.callcenter.queue;

import java.util.List;

/**
 * Renders the configuration as app_queue's queues.conf. Members are not listed: operators
 * join and leave over AMI when they sign in and out. persistentmembers = yes: a restarted
 * Asterisk puts them back itself, paused with their reason, before any backend node is
 * connected (faults/pbx-restart-members-persistent); the reconciliation puts back any
 * signed-in operator it still lacks either way (faults/pbx-restart-members). Wrap-up is the backend's
 * (a pause with reason {@code wrap-up}, visible to supervisors and ended early by the
 * operator), so app_queue's own wrapuptime stays 0. {@code conf/asterisk/queues.conf} is
 * this rendering of the bundled default (QueuesConfSampleTest).
 */
final class QueuesConf {

    private QueuesConf() {
    }

    static String render(QueueConfig config) {
        StringBuilder out = new StringBuilder();
        out.append("""
                ; Operator queues, rendered by the backend from its queue configuration
                ; (GET /api/v1/queues/queues.conf). app_queue distributes the calls and keeps doing
                ; so when every backend node is down; the backend only chooses queue and priority
                ; (FastAGI) and manages membership and pauses over AMI: operators join the queues
                ; when they sign in at a workstation, so no member is listed here.
                [general]
                ; A signed-in operator is the backend's truth about membership. With "yes" a
                ; restarted Asterisk restores its dynamic members from astdb itself, with their
                ; pause and reason, the moment it is up, before any backend node has reconnected
                ; (with "no" it comes back with empty queues and callers wait unanswered until the
                ; backend re-adds its operators). The restore is silent (no QueueMemberAdded event,
                ; no queue_log ADDMEMBER/PAUSE row), so the backend does not rely on it: after
                ; every reconnect it compares QueueStatus with its signed-in operators and puts
                ; back anyone missing, with their pause. Either setting works; "yes" closes the gap.
                persistentmembers = yes
                autofill = yes
                monitor-type = MixMonitor
                shared_lastcall = yes
                ; The bridge reads the operator's extension from the member Interface
                ; (PJSIP/1001 -> 1001); MemberName is the operator's username.
                log_membername_as_agent = no
                """);
        for (QueueConfig.Queue q : config.queues()) {
            out.append('\n');
            List<String> joining = q.members().stream().map(m -> m.operator() + " (" + m.penalty() + ")").toList();
            out.append("; ").append(q.everyOperator() ? "every operator joins" : "operators listed join")
                    .append(joining.isEmpty() ? "" : "; penalties: " + String.join(", ", joining))
                    .append("; wrap-up ").append(q.wrapUpSeconds()).append(" s (backend)\n");
            out.append('[').append(q.name()).append("]\n");
            line(out, "strategy", q.strategy());
            line(out, "musicclass", "default");
            line(out, "timeout", q.timeoutSeconds());
            line(out, "retry", q.retrySeconds());
            line(out, "timeoutpriority", "app");
            line(out, "wrapuptime", 0);
            line(out, "autopause", "no");
            line(out, "maxlen", q.maxLen());
            line(out, "servicelevel", q.serviceLevelSeconds());
            line(out, "joinempty", "yes");
            line(out, "leavewhenempty", "no");
            line(out, "ringinuse", "no");
            line(out, "announce-frequency", 0);
            line(out, "periodic-announce-frequency", 0);
            line(out, "announce-holdtime", "no");
            line(out, "announce-position", "no");
            line(out, "reportholdtime", "no");
            line(out, "memberdelay", 0);
            line(out, "timeoutrestart", "no");
            line(out, "setinterfacevar", "yes");
            line(out, "setqueueentryvar", "yes");
            line(out, "setqueuevar", "yes");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, Object value) {
        out.append(key).append(" = ").append(value).append('\n');
    }
}
