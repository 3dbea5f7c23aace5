package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.archive.ArchiveAuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nobody grants themself a role; AUDITOR (the recordings) only by a second
 * administrator's approval of a first one's proposal; every step in the audit chain.
 */
@CallcenterTest
class RoleGrantsTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ArchiveAuditLog chain;
    Api api;
    String first;
    String second;
    String clerk;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        first = Api.user(users, "grants-admin-1", Role.ADMIN);
        second = Api.user(users, "grants-admin-2", Role.ADMIN);
        clerk = Api.user(users, "grants-clerk", Role.OPERATOR);
        jdbc.update("update role_grants set state = 'rejected', decided_by = 'test' where state = 'proposed'"
                + " and username like 'grants-%'");
    }

    @Test
    void nobodyGrantsThemselfARole() {
        Response self = api.json("PUT", "/api/v1/admin/users/" + first, first, "{\"roles\":[\"ADMIN\",\"SUPERVISOR\"]}");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.code()).isEqualTo("self-grant");
        assertThat(users.get(first).roles()).containsExactly(Role.ADMIN);

        Response proposal = propose(first, first);
        assertThat(proposal.status()).isEqualTo(403);
        assertThat(proposal.code()).isEqualTo("self-grant");
    }

    @Test
    void auditorIsNeverGrantedByOneAdministrator() {
        Response direct = api.json("PUT", "/api/v1/admin/users/" + clerk, first, "{\"roles\":[\"OPERATOR\",\"AUDITOR\"]}");
        assertThat(direct.status()).isEqualTo(409);
        assertThat(direct.code()).isEqualTo("four-eyes-required");
        Response created = api.json("POST", "/api/v1/admin/users", first, "{\"username\":\"grants-new-auditor\","
                + "\"password\":\"" + Api.PASSWORD + "\",\"roles\":[\"AUDITOR\"]}");
        assertThat(created.status()).isEqualTo(409);
        assertThat(created.code()).isEqualTo("four-eyes-required");

        long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_log", Long.class);
        Response proposal = propose(first, clerk);
        assertThat(proposal.status()).isEqualTo(201);
        String id = proposal.json().path("id").asString();
        assertThat(propose(second, clerk).code()).as("one open proposal").isEqualTo("role-grant-open");

        Response own = api.json("POST", "/api/v1/admin/users/role-grants/" + id + "/approval", first, null);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("four-eyes");
        assertThat(users.get(clerk).roles()).doesNotContain(Role.AUDITOR);

        Response approved = api.json("POST", "/api/v1/admin/users/role-grants/" + id + "/approval", second, null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("approved");
        assertThat(approved.json().path("decidedBy").asString()).isEqualTo(second);
        assertThat(users.get(clerk).roles()).contains(Role.AUDITOR, Role.OPERATOR);
        assertThat(api.json("POST", "/api/v1/admin/users/role-grants/" + id + "/approval", second, null).code())
                .isEqualTo("role-grant-decided");

        List<String> steps = jdbc.queryForList("select username || ' ' || action from audit_log where detail like ?"
                + " order by id", String.class, "%" + id + "%");
        assertThat(steps).containsExactly(first + " role-grant-proposed", second + " role-grant-approved");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'role-changed' and username = ?"
                + " and detail like ? and id > ?", Integer.class, second, clerk + " %AUDITOR%", before)).isEqualTo(1);
        assertThat(chain.verify(0).intact()).isTrue();
    }

    @Test
    void aRejectedProposalGrantsNothing() {
        String id = propose(first, clerk).json().path("id").asString();
        Response rejected = api.json("POST", "/api/v1/admin/users/role-grants/" + id + "/rejection", second, null);
        assertThat(rejected.json().path("state").asString()).isEqualTo("rejected");
        assertThat(api.json("POST", "/api/v1/admin/users/role-grants/" + id + "/approval", second, null).status())
                .isEqualTo(409);
        assertThat(users.get(clerk).roles()).doesNotContain(Role.AUDITOR);
    }

    @Test
    void badProposalsAreRefusedWithAReason() {
        assertThat(api.json("POST", "/api/v1/admin/users/" + clerk + "/role-grants", first,
                "{\"role\":\"AUDITOR\"}").status()).isEqualTo(400);
        assertThat(api.json("POST", "/api/v1/admin/users/" + clerk + "/role-grants", first,
                "{\"role\":\"SUPERVISOR\",\"reason\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.json("POST", "/api/v1/admin/users/" + clerk + "/role-grants", first,
                "{\"role\":\"NOBODY\",\"reason\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.json("POST", "/api/v1/admin/users/role-grants/00000000-0000-0000-0000-000000000000/approval",
                second, null).status()).isEqualTo(404);
    }

    private Response propose(String by, String whom) {
        return api.json("POST", "/api/v1/admin/users/" + whom + "/role-grants", by,
                "{\"role\":\"AUDITOR\",\"reason\":\"order 102/7 of the chief\"}");
    }
}
