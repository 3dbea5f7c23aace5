package kz.line102.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A job's lease is short and renewed while its node works on it: a long ingest is never taken
 * over, and a node that died leaves its jobs after one lease rather than after the longest
 * ingest there could be.
 */
class LeaseRenewalTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcIngestJobRepository jobs = new JdbcIngestJobRepository(TestDatabase.get());

    @Test
    void aRenewedLeaseKeepsTheJobFromOtherNodesAndAnUnrenewedOneFreesItAfterOneLease() {
        Instant t0 = Instant.parse("2026-12-04T10:00:00Z");
        IngestJob worked = job("renewed");
        IngestJob abandoned = job("abandoned");
        assertThat(jobs.claim(worked.id(), t0, LEASE)).isPresent();
        assertThat(jobs.claim(abandoned.id(), t0, LEASE)).isPresent();

        // The working node renews at every third of the lease; the dead one does not.
        for (int third = 1; third <= 6; third++) {
            Instant at = t0.plus(LEASE.dividedBy(3).multipliedBy(third));
            assertThat(jobs.renew(List.of(worked.id()), at, LEASE)).isEqualTo(1);
        }
        Instant later = t0.plus(LEASE.multipliedBy(2)).plusSeconds(1);
        assertThat(jobs.claim(worked.id(), later, LEASE)).as("still its worker's").isEmpty();
        assertThat(jobs.claim(abandoned.id(), later, LEASE)).as("free one lease after its node died").isPresent();
    }

    @Test
    void renewingNothingOrAJobNobodyHoldsChangesNothing() {
        IngestJob free = job("free");
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        assertThat(jobs.renew(List.of(), now, LEASE)).isZero();
        assertThat(jobs.renew(List.of(free.id()), now, LEASE)).as("never claimed").isZero();
        assertThat(jobs.claim(free.id(), now, LEASE)).isPresent();
    }

    private IngestJob job(String what) {
        String file = "102-20261204-100000-" + UUID.randomUUID() + "-" + what + ".wav";
        return jobs.insertOrGet(IngestRequest.of(UUID.randomUUID().toString(), file,
                Instant.parse("2026-12-04T09:59:00Z"), "+77012345678", "1001"), "audio",
                Instant.parse("2026-12-04T10:00:00Z"));
    }
}
