package kz.line102.callcenter.certification.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.certification.CommissionFixture;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the interview-recording tests share: a commission of officers the centre knows (one
 * per run), a case opened before it by the personnel service, the wait for a recording to be
 * archived, and the audit log's count of one kind of entry.
 */
final class InterviewCases {

    static final String BASE = "/api/v1/certification";

    private final Api api;
    private final String personnel;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    InterviewCases(ApplicationContext context, Api api, String personnel) {
        this.api = api;
        this.personnel = personnel;
        CommissionFixture fixture = new CommissionFixture(context);
        for (String member : List.of("chair-", "secretary-", "member-")) {
            fixture.officer(member + run, CommissionFixture.SENIOR, member.equals("chair-"), member.equals("secretary-"));
        }
    }

    /** A case of a new employee before a new commission of this run's officers. */
    long open(String fullName) {
        Response e = api.json("POST", BASE + "/employees", personnel, """
                {"personnelNo":"I-%s-%s","fullName":"%s","postings":[{"start":"2020-01-10","post":"operator"}]}"""
                .formatted(run, UUID.randomUUID().toString().substring(0, 6), fullName));
        assertThat(e.status()).as(e.body()).isEqualTo(201);
        Response c = api.json("POST", BASE + "/commissions", personnel, """
                {"name":"interview commission %s %s","chair":"chair-%s","secretary":"secretary-%s",
                 "members":["chair-%s","secretary-%s","member-%s"]}""".formatted(run, UUID.randomUUID(), run, run, run,
                run, run));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        Response k = api.json("POST", BASE + "/employees/" + e.json().get("id").asLong() + "/cases", personnel,
                "{\"commissionId\":" + c.json().get("id").asLong() + "}");
        assertThat(k.status()).as(k.body()).isEqualTo(201);
        return k.json().get("id").asLong();
    }

    /** The case's row for the recording once the recorder archived it. */
    JsonNode awaitArchived(long caseId, UUID id) {
        JsonNode[] found = {null};
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode r : api.get(BASE + "/cases/" + caseId + "/recordings", personnel).json()) {
                if (r.get("id").asString().equals(id.toString()) && r.get("state").asString().equals("DONE")) {
                    found[0] = r;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Entries of {@code action} by {@code user} in the hash-chained audit log, of one recording or any. */
    static long audited(JdbcTemplate jdbc, String user, String action, UUID recording) {
        return jdbc.queryForObject("select count(*) from audit_log where username = ? and action = ?"
                + " and (?::uuid is null or recording_id = ?::uuid)", Long.class, user, action,
                recording == null ? null : recording.toString(), recording == null ? null : recording.toString());
    }
}
