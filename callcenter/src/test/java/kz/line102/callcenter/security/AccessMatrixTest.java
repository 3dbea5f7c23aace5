package kz.line102.callcenter.security;

import static kz.line102.callcenter.security.Role.ADMIN;
import static kz.line102.callcenter.security.Role.AUDITOR;
import static kz.line102.callcenter.security.Role.METRICS;
import static kz.line102.callcenter.security.Role.OPERATOR;
import static kz.line102.callcenter.security.Role.PERSONNEL;
import static kz.line102.callcenter.security.Role.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint against every role and against no sign-in at all. "Allowed" means
 * the request got past security (any answer but 401/403: a 400 or 404 from the
 * endpoint itself proves it was reached); the bodies sent are chosen to change nothing.
 */
@CallcenterTest
class AccessMatrixTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    kz.line102.callcenter.security.RateLimiter limiter;

    Api api;
    final Map<Role, String> userOf = new EnumMap<>(Role.class);

    record Endpoint(String method, String path, String json, Set<Role> allowed) {
    }

    static final String OPERATOR_NAME = "matrix-operator";
    static final String CARD = "/api/v1/incidents/00000000-0000-0000-0000-000000000000";
    static final String MATRIX_REASON = "checking%20the%20URL%20table";

    /** Every role that is a person. */
    static final Set<Role> PEOPLE = EnumSet.of(OPERATOR, SUPERVISOR, AUDITOR, ADMIN, PERSONNEL);

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/calls", null, EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/calls/00000000-0000-0000-0000-000000000000", null,
                    EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            // A number on none of the user's calls: past the URL table only with a stated reason
            // (the need-to-know cases are below).
            new Endpoint("GET", "/api/v1/callers/%2B77172123456?reason=" + MATRIX_REASON, null,
                    EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("GET", "/api/v1/security/audit?limit=1", null, EnumSet.of(AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/operators/me", null, EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("POST", "/api/v1/operators/me/session", "{\"workstation\":\"no-such-desk\"}",
                    EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("DELETE", "/api/v1/operators/me/session", null, EnumSet.of(OPERATOR, SUPERVISOR)),
            // The operator asks for themself; others' names are refused in OperatorSessionTest.
            new Endpoint("GET", "/api/v1/operators/" + OPERATOR_NAME, null, EnumSet.of(OPERATOR, SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/operators/me/calls", null, EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("GET", "/api/v1/operators/me/workstations", null, EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("GET", "/api/v1/session", null, EnumSet.allOf(Role.class)),
            // A language that is none of ours: refused (400) past security, nothing saved.
            new Endpoint("PUT", "/api/v1/session/language", "{\"language\":\"xx\"}", EnumSet.allOf(Role.class)),
            new Endpoint("GET", "/api/v1/archive/retention/policies", null, EnumSet.of(AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/archive/retention/preview", null, EnumSet.of(AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/archive/recordings/00000000-0000-0000-0000-000000000000/holds", null,
                    EnumSet.of(AUDITOR, ADMIN)),
            new Endpoint("POST", "/api/v1/archive/recordings/00000000-0000-0000-0000-000000000000/holds", "{}",
                    EnumSet.of(AUDITOR)),
            new Endpoint("POST", "/api/v1/archive/holds/00000000-0000-0000-0000-000000000000/lift", "{}",
                    EnumSet.of(AUDITOR)),
            new Endpoint("GET", "/api/v1/archive/audit-log", null, EnumSet.of(AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/archive/audit-log/verification", null, EnumSet.of(AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/admin/users", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/admin/users/" + OPERATOR_NAME, null, EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/admin/users", "{\"username\":\"x\"}", EnumSet.of(ADMIN)),
            new Endpoint("PUT", "/api/v1/admin/users/no-such-user-here", "{}", EnumSet.of(ADMIN)),
            // Four eyes on AUDITOR (RoleGrantsTest): proposals for a user who does not exist, a grant that does not.
            new Endpoint("POST", "/api/v1/admin/users/no-such-user-here/role-grants",
                    "{\"role\":\"AUDITOR\",\"reason\":\"matrix\"}", EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/admin/users/role-grants", null, EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/admin/users/role-grants/00000000-0000-0000-0000-000000000000/approval",
                    null, EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/admin/users/role-grants/00000000-0000-0000-0000-000000000000/rejection",
                    null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/admin/workstations", null, EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/admin/workstations", "{\"name\":\"\"}", EnumSet.of(ADMIN)),
            new Endpoint("PUT", "/api/v1/admin/workstations/no-such-desk", "{}", EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/admin/subscribers/import", "", EnumSet.of(ADMIN)),
            new Endpoint("PUT", "/api/v1/admin/units/999999999/crew", "{}", EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/archive/requests", "{}", EnumSet.of(AUDITOR)),
            // Without a recorded request the auditor gets 428: past security, refused by the archive.
            new Endpoint("GET", "/api/v1/archive/recordings", null, EnumSet.of(AUDITOR)),
            new Endpoint("GET", "/api/v1/archive/recordings/00000000-0000-0000-0000-000000000000/audio", null,
                    EnumSet.of(AUDITOR)),
            new Endpoint("GET", "/api/v1/archive/recordings/00000000-0000-0000-0000-000000000000/manifest", null,
                    EnumSet.of(AUDITOR)),
            new Endpoint("GET", "/api/v1/archive/recordings/00000000-0000-0000-0000-000000000000/download", null,
                    EnumSet.of(AUDITOR)),
            // Routing: each call below is refused or read-only for the one allowed, so nothing changes.
            new Endpoint("GET", "/api/v1/routing/rules", null, EnumSet.of(ADMIN)),
            new Endpoint("PUT", "/api/v1/routing/rules", "{}", EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/routing/validate", "{}", EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/routing/import", "", EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/routing/versions", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/routing/versions/999999", null, EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/routing/versions/999999/restore", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/routing/dry-run?number=%2B77012345678", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/routing/audit", null, EnumSet.of(ADMIN)),
            // Operator states and queues: refused or read-only for each allowed role, so nothing changes.
            new Endpoint("GET", "/api/v1/operators/me/state", null, EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("PUT", "/api/v1/operators/me/state", "{}", EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("GET", "/api/v1/operators/states", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/operators/state-changes", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/queues/live", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/queues/config", null, EnumSet.of(ADMIN)),
            new Endpoint("PUT", "/api/v1/queues/config", "{}", EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/queues/config/validate", "{}", EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/queues/config/versions", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/queues/config/versions/999999", null, EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/queues/config/versions/999999/restore", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/queues/config/audit", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/queues/queues.conf", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/alerts", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/alerts/999999999", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("POST", "/api/v1/alerts/999999999/acknowledgement", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/alerts/999999999/outbound/resend", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/units", null, EnumSet.of(OPERATOR, SUPERVISOR, ADMIN)),
            new Endpoint("POST", "/api/v1/units", "{}", EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/units/999999999", null, EnumSet.of(OPERATOR, SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/units/999999999/timeline", null, EnumSet.of(OPERATOR, SUPERVISOR, ADMIN)),
            new Endpoint("POST", "/api/v1/units/999999999/duty", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/units/999999999/status", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/units/999999999/position", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/units/999999999/enabled", "{}", EnumSet.of(SUPERVISOR, ADMIN)),
            // Incident cards: reading for every desk; changes for operators and supervisors. The
            // bodies are refused (400) or aim at no card (404), so nothing is created or changed.
            new Endpoint("GET", "/api/v1/incidents", null, EnumSet.of(OPERATOR, SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/incidents/types", null, EnumSet.of(OPERATOR, SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", CARD, null, EnumSet.of(OPERATOR, SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/incidents/live", null, EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/incidents/of-call/00000000-0000-0000-0000-000000000000", null,
                    EnumSet.of(OPERATOR, SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", CARD + "/transitions", null,
                    EnumSet.of(OPERATOR, SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("POST", "/api/v1/incidents", "{\"callId\":\"not-an-id\"}", EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("PUT", CARD, "{\"version\":1}", EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("POST", CARD + "/submit", "{}", EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("POST", CARD + "/transitions", "{\"to\":\"CLOSED\"}",
                    EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("POST", CARD + "/dispatch", "{}", EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("POST", CARD + "/arrival", "{}", EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("POST", CARD + "/work-off", "{}", EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("POST", CARD + "/close", "{}", EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("POST", CARD + "/cancel", "{}", EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("POST", CARD + "/calls", "{}", EnumSet.of(OPERATOR, SUPERVISOR)),
            new Endpoint("GET", CARD + "/units", null, EnumSet.of(OPERATOR, SUPERVISOR, AUDITOR, ADMIN)),
            // Operators pass the URL rule for card changes; sending units is the duty officer's (403 from the API).
            new Endpoint("POST", CARD + "/units", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", CARD + "/units/999999999/arrival", null, EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", CARD + "/units/999999999/release", null, EnumSet.of(SUPERVISOR)),
            new Endpoint("GET", CARD + "/eido", null, EnumSet.of(OPERATOR, SUPERVISOR, AUDITOR, ADMIN)),
            // Dead letters of the incident flows: IT staff only. The replay aims at no job (404).
            new Endpoint("GET", "/api/v1/admin/dead-letters", null, EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/admin/dead-letters/999999999/replay", null, EnumSet.of(ADMIN)),
            // The daily report: a watch before 2000 is refused (400) past security; its sign-off too.
            new Endpoint("GET", "/api/v1/reports/daily", null, EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/reports/daily/1999-01-01", null, EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/reports/daily/1999-01-01.csv", null,
                    EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/reports/daily/1999-01-01.pdf", null,
                    EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("POST", "/api/v1/reports/daily/1999-01-01/sign-off", null, EnumSet.of(SUPERVISOR)),
            // Queue statistics: supervisors and IT staff read; a period before 2000 is still a period (200),
            // an unknown one is refused (400) past security.
            new Endpoint("GET", "/api/v1/stats/history?period=day&at=1999-01-01", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/stats/history.csv?period=day&at=1999-01-01", null,
                    EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/stats/history.pdf?period=day&at=1999-01-01", null,
                    EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/stats/operators?period=day&at=1999-01-01", null,
                    EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/stats/live", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/stats/waits?period=day&at=1999-01-01", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/stats/states?period=day&at=1999-01-01", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/stats/wallboard", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/stats/wallboard/defaults", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("PUT", "/api/v1/stats/wallboard", "{\"targetPercent\":101}", EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("PUT", "/api/v1/stats/wallboard/defaults", "{\"targetPercent\":101}", EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/stats/evaluation?period=watch&at=1999-01-01", null,
                    EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/stats/quarters/1999-Q1", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/stats/quarters/1999-Q1.pdf", null, EnumSet.of(SUPERVISOR, ADMIN)),
            // A bad quarter (400) past security: the sign-off is the duty officer's alone.
            new Endpoint("POST", "/api/v1/stats/quarters/1999-Q9/sign-off", null, EnumSet.of(SUPERVISOR)),
            // The watch: the duty officer writes; IT staff and auditors read. The paths below name a watch
            // before 2000 (400), no item (404) or no journal (404), so nothing is written.
            new Endpoint("GET", "/api/v1/watch/current", null, EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/watch/watches/1999-01-01T08:00", null, EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("POST", "/api/v1/watch/watches/1999-01-01T08:00/handover/items", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/watch/handover/items/999999999/checks", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/watch/watches/1999-01-01T08:00/handover/signatures", "{}",
                    EnumSet.of(SUPERVISOR)),
            new Endpoint("GET", "/api/v1/watch/journals", null, EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/watch/journals/no-such/entries", null, EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/watch/journals/entries?size=0", null, EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/watch/journals/no-such/entries.csv", null,
                    EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/watch/journals/no-such/entries.pdf", null,
                    EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("POST", "/api/v1/watch/journals/no-such/entries", "{}", EnumSet.of(SUPERVISOR)),
            // Reports of serious events: no report 999999999 (404), a draft with no card (400).
            new Endpoint("GET", "/api/v1/watch/serious-reports", null, EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/watch/serious-reports/999999999", null, EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/watch/serious-reports/999999999.pdf", null,
                    EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            new Endpoint("POST", "/api/v1/watch/serious-reports", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/watch/serious-reports/999999999/versions", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/watch/serious-reports/999999999/signature", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("GET", "/api/v1/watch/commission/acts/999999999.pdf", null,
                    EnumSet.of(SUPERVISOR, AUDITOR, ADMIN)),
            // Line health: supervisors read; IT staff change targets and place test calls. The changes
            // below are refused (400), aim at no target (404) or find no test number configured (409).
            new Endpoint("GET", "/api/v1/line-health/targets", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/line-health/targets/999999999", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/line-health/targets/999999999/probes", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("POST", "/api/v1/line-health/targets", "{}", EnumSet.of(ADMIN)),
            new Endpoint("PUT", "/api/v1/line-health/targets/999999999", "{}", EnumSet.of(ADMIN)),
            new Endpoint("DELETE", "/api/v1/line-health/targets/999999999", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/line-health/incidents", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/line-health/audit", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/line-health/target-set", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/line-health/target-set/versions", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/api/v1/line-health/target-set/audit", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("PUT", "/api/v1/line-health/target-set", "{}", EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/line-health/target-set/validate", "{}", EnumSet.of(ADMIN)),
            new Endpoint("POST", "/api/v1/line-health/target-set/versions/999999999/restore", null,
                    EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/line-health/test-calls", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("POST", "/api/v1/line-health/test-calls", null, EnumSet.of(ADMIN)),
            // Certification: the personnel service (PERSONNEL) keeps the files, heads (SUPERVISOR) read them, approve,
            // write profiles and decide appeals; commission members (heads or personnel officers) act in the
            // meeting, checked per commission by CommissionRoles; IT staff read only the audit; every person reads
            // their own file under /me (404 no-own-file for these unlinked accounts). The bodies are refused (400)
            // or aim at nothing (404), so nothing changes.
            new Endpoint("GET", "/api/v1/certification/employees", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/employees", "{}", EnumSet.of(PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/employees/999999999", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("PUT", "/api/v1/certification/employees/999999999/history", "{}", EnumSet.of(PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/employees/999999999/cases", "{}", EnumSet.of(PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/employees/999999999/account", null,
                    EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("PUT", "/api/v1/certification/employees/999999999/account", "{}", EnumSet.of(PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/commissions", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/commissions", "{}", EnumSet.of(PERSONNEL)),
            new Endpoint("PUT", "/api/v1/certification/commissions/999999999/higher", "{}", EnumSet.of(PERSONNEL)),
            new Endpoint("PUT", "/api/v1/certification/commissions/999999999", "{}", EnumSet.of(PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/commissions/999999999/versions", null,
                    EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/commissions/mine/cases", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/cases/999999999", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/cases/999999999/stages", "{}", EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/cases/999999999/meeting", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/cases/999999999/attendance", "{}",
                    EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/cases/999999999/questions", "{}",
                    EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/cases/999999999/votes", "{}", EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/cases/999999999/decision", "{}",
                    EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/due", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/due.csv", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/audit?limit=1", null, EnumSet.of(AUDITOR, ADMIN)),
            new Endpoint("GET", "/api/v1/certification/lists", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/lists", "{\"from\":\"not-a-date\"}", EnumSet.of(PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/lists/999999999", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/lists/999999999/items", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/lists/999999999/items", "{}", EnumSet.of(PERSONNEL)),
            new Endpoint("DELETE", "/api/v1/certification/lists/999999999/items/999999999", null, EnumSet.of(PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/lists/999999999/versions", null, EnumSet.of(PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/lists/999999999/meetings", "{}", EnumSet.of(PERSONNEL)),
            // Interview recordings: the personnel service's alone.
            new Endpoint("POST", "/api/v1/certification/cases/999999999/recordings?name=a.wav", "{}",
                    EnumSet.of(PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/cases/999999999/recordings", null, EnumSet.of(PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/recordings/00000000-0000-0000-0000-000000000000/audio", null,
                    EnumSet.of(PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/recordings/00000000-0000-0000-0000-000000000000/download",
                    null, EnumSet.of(PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/lists/999999999/approval", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/certification/lists/999999999/notices", "{}", EnumSet.of(PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/cases/999999999/calendar", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("PUT", "/api/v1/certification/cases/999999999/meeting", "{}", EnumSet.of(PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/cases/999999999/deadlines/FILE/done", "{}",
                    EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/deadlines/overdue", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/cases/999999999/appeals", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/cases/999999999/appeals", "{}", EnumSet.of(PERSONNEL)),
            new Endpoint("POST", "/api/v1/certification/appeals/999999999/decision", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/certification/cases/999999999/cancellation", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/certification/commissions/999999999/meetings/2030-01-10/observers", "{}",
                    EnumSet.of(PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/commissions/999999999/meetings/2030-01-10/observers", null,
                    EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/cases/999999999/profile", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("PUT", "/api/v1/certification/cases/999999999/profile", "{}", EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/certification/cases/999999999/profile/signature", "{}",
                    EnumSet.of(SUPERVISOR)),
            new Endpoint("POST", "/api/v1/certification/cases/999999999/profile/acknowledgement", "{}",
                    EnumSet.of(PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/cases/999999999/documents/sheet.pdf", null,
                    EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/api/v1/certification/me", null, PEOPLE),
            new Endpoint("POST", "/api/v1/certification/me/cases/999999999/profile/acknowledgement", "{}", PEOPLE),
            new Endpoint("POST", "/api/v1/certification/me/cases/999999999/sheet/signature", null, PEOPLE),
            new Endpoint("GET", "/api/v1/certification/me/cases/999999999/documents/sheet.pdf", null, PEOPLE),
            // The preflight: IT staff only; it reads and changes nothing.
            new Endpoint("GET", "/api/v1/admin/preflight", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/actuator/prometheus", null, EnumSet.of(ADMIN, METRICS)),
            new Endpoint("GET", "/actuator/metrics", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/actuator/info", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/api/v1/not-yet-decided", null, EnumSet.noneOf(Role.class)));

    /** The pages, each for its roles; their scripts and styles under the same path follow the same rule. */
    static final List<Endpoint> PAGES = List.of(
            new Endpoint("GET", "/console", null, EnumSet.of(OPERATOR)),
            new Endpoint("GET", "/supervisor", null, EnumSet.of(SUPERVISOR)),
            new Endpoint("GET", "/wallboard", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/stats", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/reports", null, EnumSet.of(SUPERVISOR)),
            new Endpoint("GET", "/archive", null, EnumSet.of(AUDITOR)),
            new Endpoint("GET", "/routing", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/admin/dead-letters", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/admin/preflight", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/admin/preflight/preflight.js", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/admin/users", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/admin/users/users.js", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/admin/workstations", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/admin/units", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/admin/registry", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/admin/admin.css", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/line-health", null, EnumSet.of(SUPERVISOR, ADMIN)),
            new Endpoint("GET", "/certification", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/certification/hearing.js", null, EnumSet.of(SUPERVISOR, PERSONNEL)),
            new Endpoint("GET", "/certification/mine", null, PEOPLE),
            new Endpoint("GET", "/certification/mine/mine.js", null, PEOPLE),
            new Endpoint("GET", "/swagger-ui/index.html", null, EnumSet.of(ADMIN)),
            new Endpoint("GET", "/v3/api-docs", null, EnumSet.of(ADMIN)));

    @BeforeEach
    void users() {
        api = new Api(port);
        userOf.put(OPERATOR, Api.user(users, OPERATOR_NAME, OPERATOR));
        for (Role r : EnumSet.complementOf(EnumSet.of(OPERATOR))) {
            userOf.put(r, Api.user(users, "matrix-" + r.name().toLowerCase(java.util.Locale.ROOT), r));
        }
        userOf.values().forEach(u -> limiter.reset(kz.line102.callcenter.caller.CallerCardService.LOOKUPS, u));
    }

    @Test
    void everyEndpointAnswersItsRolesAndRefusesEveryoneElse() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            // Anonymous writes meet the CSRF check (403) before authentication (401): refused either way.
            Response anonymous = call(e, null);
            boolean refused = anonymous.status() == 401 && "unauthenticated".equals(anonymous.code())
                    || !e.method().equals("GET") && anonymous.status() == 403 && "forbidden".equals(anonymous.code());
            if (!refused) {
                wrong.add(e.method() + " " + e.path() + " anonymous -> " + anonymous.status());
            }
            for (Role role : Role.values()) {
                Response r = call(e, userOf.get(role));
                boolean allowed = e.allowed().contains(role);
                if (allowed && (r.status() == 401 || r.status() == 403)) {
                    wrong.add(e.method() + " " + e.path() + " " + role + " refused: " + r.status() + " " + r.body());
                }
                if (!allowed && (r.status() != 403 || !"forbidden".equals(r.code()))) {
                    wrong.add(e.method() + " " + e.path() + " " + role + " not refused: " + r.status());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyPageOpensForItsRolesOnlyAndSendsTheAnonymousToSignIn() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint p : PAGES) {
            // As a browser asks: an API client without a session gets 401 instead.
            Response anonymous = api.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(api.base() + p.path())).header("Accept", "text/html").build());
            String location = anonymous.header("Location");
            if (anonymous.status() != 302 || location == null || !location.endsWith("/login")) {
                wrong.add(p.path() + " anonymous -> " + anonymous.status() + " " + location);
            }
            for (Role role : Role.values()) {
                Response r = api.get(p.path(), userOf.get(role));
                int expected = p.allowed().contains(role) ? 200 : 403;
                if (r.status() != expected) {
                    wrong.add(p.path() + " " + role + " -> " + r.status() + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void healthIsPublicButOnlyAdministratorsSeeItsDetails() {
        for (Role role : Role.values()) {
            Response r = api.get("/actuator/health", userOf.get(role));
            assertThat(r.status()).as(role.name()).isIn(200, 503);
            assertThat(r.json().has("components")).as(role.name()).isEqualTo(role == ADMIN);
        }
        Response anonymous = api.get("/actuator/health", null);
        assertThat(anonymous.status()).isIn(200, 503);
        assertThat(anonymous.json().has("status")).isTrue();
        assertThat(anonymous.json().has("components")).isFalse();
    }

    @Test
    void aWrongPasswordOrADisabledUserIsUnauthenticatedAndNoBrowserPromptIsTriggered() {
        Response wrong = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base() + "/api/v1/calls"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((userOf.get(ADMIN) + ":not-the-password").getBytes()))
                .build());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("unauthenticated");
        assertThat(wrong.header("WWW-Authenticate")).isNull();

        String gone = Api.user(users, "matrix-disabled", SUPERVISOR);
        users.change(gone, new UserService.UserChange(null, null, false, null));
        assertThat(api.get("/api/v1/calls", gone).status()).isEqualTo(401);
    }

    private Response call(Endpoint e, String user) {
        if (e.path().endsWith("/import")) {
            return api.send(e.method(), e.path(), user, "text/csv",
                    java.net.http.HttpRequest.BodyPublishers.ofString(""));
        }
        return api.json(e.method(), e.path(), user, e.json());
    }
}
