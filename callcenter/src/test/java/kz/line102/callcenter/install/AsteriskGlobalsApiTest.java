package kz.line102.callcenter.install;

import static org.assertj.core.api.Assertions.assertThat;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.agi.AgiRoutingServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** IT staff take the dialplan globals from the running node: its routing service's real port, its recorder's directory. */
@CallcenterTest
class AsteriskGlobalsApiTest {

    private static final String PATH = "/api/v1/admin/asterisk/line102-globals.conf";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AgiRoutingServer agi;

    private Api api;
    private String admin;

    @BeforeEach
    void admin() {
        api = new Api(port);
        admin = Api.user(users, "install-admin", Role.ADMIN);
    }

    @Test
    void theGlobalsCarryTheRunningRoutingServicesPortAndTheGivenPbxRecordingDirectory() {
        Response r = api.get(PATH + "?recording-dir=/var/spool/asterisk/monitor", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.body()).contains("RECDIR = /var/spool/asterisk/monitor\n")
                .contains("ROUTE_AGI = agi://127.0.0.1:" + agi.port() + "/route102\n")
                .contains("ROUTE_DEFAULT_QUEUE = q102\n").contains("ROUTE_DEFAULT_PRIO = 0\n");
        assertThat(api.get(PATH + "?recording-dir=/srv/x&agi-host=10.1.2.3", admin).body())
                .contains("ROUTE_AGI = agi://10.1.2.3:" + agi.port() + "/route102\n");
    }

    @Test
    void aRelativeSpoolDirectoryIsAClearConflictAndMalformedValuesAreRefused() {
        // The test profile's spool directory is relative (target/recordings/spool).
        Response relative = api.get(PATH, admin);
        assertThat(relative.status()).isEqualTo(409);
        assertThat(relative.code()).isEqualTo("asterisk-globals-unrenderable");
        assertThat(relative.json().path("reason").asString())
                .contains("line102.recorder.ingest.spool-dir is the relative path");

        Response bad = api.get(PATH + "?recording-dir=relative/dir", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("invalid-request");
        assertThat(bad.json().path("reason").asString()).contains("recording-dir must be an absolute path");
    }

    @Test
    void onlyAdministratorsReadIt() {
        String operator = Api.user(users, "install-operator", Role.OPERATOR);
        assertThat(api.get(PATH + "?recording-dir=/var/spool/asterisk/monitor", operator).status()).isEqualTo(403);
    }
}
