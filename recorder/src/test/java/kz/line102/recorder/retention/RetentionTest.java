package kz.line102.recorder.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.line102.recorder.Archived;
import kz.line102.recorder.Harness;
import kz.line102.recorder.NoSuchRecordingException;
import kz.line102.recorder.Recording;
import kz.line102.recorder.RecorderProperties;
import kz.line102.recorder.TestDatabase;
import kz.line102.recorder.storage.ArchiveStore;

class RetentionTest {

    @TempDir
    Path dir;

    private static Instant yearsAgo(Harness h, int years, Duration plus) {
        return h.clock.instant().atOffset(ZoneOffset.UTC).minusYears(years).toInstant().plus(plus);
    }

    @Test
    void purgeDeletesWhatExpiredBeyondTheGraceAndNothingElseAuditingEachDeletion() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording old = Archived.put(h, yearsAgo(h, 1, Duration.ofDays(-4)), "audio");
            Recording inGrace = Archived.put(h, yearsAgo(h, 1, Duration.ofDays(-1)), "audio");
            Recording young = Archived.put(h, yearsAgo(h, 0, Duration.ofDays(-200)), "audio");
            Recording criminal = Archived.put(h, yearsAgo(h, 2, Duration.ZERO), "criminal-offence");

            PurgeReport report = h.service.purge();

            assertThat(report.items()).extracting(PurgeCandidate::recordingId).containsExactly(old.id());
            assertThat(h.service.find(old.id())).isEmpty();
            assertThat(h.store.exists(old.path())).isFalse();
            for (Recording kept : new Recording[] {inGrace, young, criminal}) {
                assertThat(h.service.find(kept.id())).isPresent();
                assertThat(h.store.exists(kept.path())).isTrue();
            }
            assertThat(count("select count(*) from recording_deletions where recording_id = '" + old.id()
                    + "' and purge_run_id = '" + report.runId() + "' and sha256 = '" + old.sha256() + "'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aLegalHoldStopsDeletionUntilLifted() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording r = Archived.put(h, yearsAgo(h, 2, Duration.ZERO), "audio");
            LegalHold hold = h.service.placeHold(r.id(), "criminal case", "ERDR 261234567890", "auditor-7");

            assertThat(h.service.previewPurge().items()).isEmpty();
            assertThat(h.service.purge().items()).isEmpty();
            assertThat(h.service.find(r.id())).isPresent();

            LegalHold lifted = h.service.liftHold(hold.id(), "case closed", "court ruling 2-118/2026", "auditor-9");
            assertThat(lifted.active()).isFalse();
            assertThat(lifted.liftedBy()).isEqualTo("auditor-9");
            assertThatThrownBy(() -> h.service.liftHold(hold.id(), "again", "x", "auditor-9"))
                    .isInstanceOf(HoldNotActiveException.class);
            h.clock.advance(Duration.ofMinutes(1));

            assertThat(h.service.purge().items()).extracting(PurgeCandidate::recordingId).containsExactly(r.id());
            assertThat(h.service.holds(r.id())).singleElement().extracting(LegalHold::placedBy, LegalHold::reference)
                    .containsExactly("auditor-7", "ERDR 261234567890");
        }
    }

    @Test
    void aHoldNeedsAReasonAReferenceAndALiveRecording() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording r = Archived.put(h, h.clock.instant(), "audio");

            assertThatThrownBy(() -> h.service.placeHold(r.id(), " ", "ref", "u"))
                    .hasFieldOrPropertyWithValue("code", "invalid-request");
            assertThatThrownBy(() -> h.service.placeHold(java.util.UUID.randomUUID(), "why", "ref", "u"))
                    .isInstanceOf(NoSuchRecordingException.class);
            assertThatThrownBy(() -> h.service.liftHold(java.util.UUID.randomUUID(), "why", "ref", "u"))
                    .isInstanceOf(NoSuchHoldException.class);
        }
    }

    @Test
    void theDryRunListsExactlyWhatThePurgeThenDeletesAndDeletesNothing() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording a = Archived.put(h, yearsAgo(h, 1, Duration.ofDays(-10)), "audio");
            Recording b = Archived.put(h, yearsAgo(h, 4, Duration.ZERO), "certification-interview");
            Archived.put(h, yearsAgo(h, 4, Duration.ZERO), "criminal-offence");

            PurgeReport preview = h.service.previewPurge();

            assertThat(preview.dryRun()).isTrue();
            assertThat(preview.total()).isEqualTo(2);
            assertThat(preview.items()).extracting(PurgeCandidate::recordingId)
                    .containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(h.service.find(a.id())).isPresent();
            assertThat(h.service.purge().items()).extracting(PurgeCandidate::recordingId)
                    .containsExactlyInAnyOrder(a.id(), b.id());
        }
    }

    @Test
    void aPurgeRunTwiceDeletesAndAuditsNothingTwice() throws Exception {
        try (Harness h = new Harness(dir)) {
            Archived.put(h, yearsAgo(h, 2, Duration.ZERO), "audio");
            Archived.put(h, yearsAgo(h, 3, Duration.ZERO), "audio");

            assertThat(h.service.purge().items()).hasSize(2);
            assertThat(h.service.purge().items()).isEmpty();

            assertThat(count("select count(*) from recording_deletions")).isEqualTo(2);
            assertThat(count("select count(*) from retention_purge_runs where finished_at is not null")).isEqualTo(2);
        }
    }

    @Test
    void aPurgeInterruptedBeforeRemovingAFileIsFinishedByTheNextRun() throws Exception {
        AtomicBoolean diskFails = new AtomicBoolean(true);
        RecorderProperties.Storage storage = new RecorderProperties.Storage(dir.resolve("archive"), 0, false);
        ArchiveStore store = new ArchiveStore(storage) {
            @Override
            public void delete(String relative) throws IOException {
                if (diskFails.get()) {
                    throw new IOException("killed mid-purge");
                }
                super.delete(relative);
            }
        };
        try (Harness h = new Harness(dir, p -> p.withStorage(storage), null, store)) {
            Recording r = Archived.put(h, yearsAgo(h, 2, Duration.ZERO), "audio");

            h.service.purge();
            assertThat(h.service.find(r.id())).isEmpty();
            assertThat(h.store.exists(r.path())).isTrue();

            diskFails.set(false);
            PurgeReport next = h.service.purge();

            assertThat(next.filesFinished()).isEqualTo(1);
            assertThat(next.items()).isEmpty();
            assertThat(h.store.exists(r.path())).isFalse();
            assertThat(count("select count(*) from recording_deletions")).isEqualTo(1);
        }
    }

    @Test
    void aClockThatWentBackStopsThePurge() throws Exception {
        try (Harness h = new Harness(dir)) {
            Archived.put(h, yearsAgo(h, 2, Duration.ZERO), "audio");
            h.service.purge();
            Recording r = Archived.put(h, yearsAgo(h, 2, Duration.ZERO), "audio");

            h.clock.advance(Duration.ofMinutes(-3)); // within the database-skew tolerance, behind the last run

            assertThatThrownBy(h.service::purge).isInstanceOf(ClockBehindException.class)
                    .hasFieldOrPropertyWithValue("code", "purge-clock-behind");
            assertThatThrownBy(h.service::previewPurge).isInstanceOf(ClockBehindException.class);
            assertThat(h.service.find(r.id())).isPresent();
        }
    }

    @Test
    void aClockThatDisagreesWithTheDatabaseStopsThePurge() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording r = Archived.put(h, yearsAgo(h, 0, Duration.ofDays(-300)), "audio");
            h.clock.advance(Duration.ofDays(400));

            assertThatThrownBy(h.service::purge).isInstanceOf(ClockSkewException.class)
                    .hasFieldOrPropertyWithValue("code", "purge-clock-skew");
            assertThat(h.service.find(r.id())).isPresent();
        }
    }

    @Test
    void aClockThatJumpsForwardDeletesNothingBeforeItsTime() throws Exception {
        // Both clocks jumped (the database check is switched off): the trusted time remains.
        try (Harness h = new Harness(dir, p -> p.withRetention(trusting()), null, null)) {
            Instant realNow = h.clock.instant();
            h.service.purge(); // the last trustworthy run
            Recording expiresInAMonth = Archived.put(h, yearsAgo(h, 1, Duration.ofDays(30)), "audio");
            Recording expiresNextYear = Archived.put(h, yearsAgo(h, 0, Duration.ofDays(-1)), "audio");

            h.clock.advance(Duration.ofDays(800)); // the clock leaps two years ahead
            h.nanos.addAndGet(Duration.ofMinutes(5).toNanos()); // while five minutes really pass
            PurgeReport report = h.service.purge();

            assertThat(report.effectiveAt()).isEqualTo(realNow.plus(Duration.ofMinutes(5)));
            assertThat(report.items()).isEmpty();
            assertThat(h.service.find(expiresInAMonth.id())).isPresent();
            assertThat(h.service.find(expiresNextYear.id())).isPresent();
        }
    }

    @Test
    void tenDailyRunsWithTheClocksAYearAheadDeleteOnlyWhatReallyExpired() throws Exception {
        try (Harness h = new Harness(dir, p -> p.withRetention(trusting()), null, null)) {
            Instant realNow = h.clock.instant();
            Recording expiresInAMonth = Archived.put(h, yearsAgo(h, 1, Duration.ofDays(30)), "audio");
            Recording expiresInTwoDays = Archived.put(h, yearsAgo(h, 1, Duration.ofDays(2)), "audio");
            Recording criminal = Archived.put(h, yearsAgo(h, 4, Duration.ofDays(-100)), "criminal-offence");
            h.service.purge();

            h.clock.advance(Duration.ofDays(365)); // both clocks set a year ahead
            for (int day = 1; day <= 10; day++) {
                h.clock.advance(Duration.ofDays(1));
                h.nanos.addAndGet(Duration.ofDays(1).toNanos());
                PurgeReport report = h.service.purge();

                assertThat(report.effectiveAt()).as("day %d", day).isEqualTo(realNow.plus(Duration.ofDays(day)));
                // Really expired on day 2, due after the 3-day grace: deleted on day 6, not before.
                assertThat(h.service.find(expiresInTwoDays.id()).isPresent()).as("day %d", day).isEqualTo(day < 6);
                assertThat(h.service.find(expiresInAMonth.id())).as("day %d", day).isPresent();
                assertThat(h.service.find(criminal.id())).as("day %d", day).isPresent();
            }
        }
    }

    @Test
    void aCriminalOffenceRecordingSurvivesAPurgeThirteenMonthsLater() throws Exception {
        try (Harness h = new Harness(dir)) {
            Instant thirteenMonthsAgo = h.clock.instant().atOffset(ZoneOffset.UTC).minusMonths(13).toInstant();
            Recording criminal = Archived.put(h, thirteenMonthsAgo, "criminal-offence");
            Recording administrative = Archived.put(h, thirteenMonthsAgo, "administrative-offence");
            Recording plain = Archived.put(h, thirteenMonthsAgo, "audio");

            PurgeReport report = h.service.purge();

            assertThat(report.items()).extracting(PurgeCandidate::recordingId).containsExactly(plain.id());
            assertThat(h.service.find(criminal.id())).isPresent();
            assertThat(h.service.find(administrative.id())).isPresent();
        }
    }

    @Test
    void onlyOnePurgeRunsAtATime() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording r = Archived.put(h, yearsAgo(h, 2, Duration.ZERO), "audio");
            try (Connection otherNode = TestDatabase.get().getConnection(); Statement s = otherNode.createStatement()) {
                s.execute("select pg_advisory_lock(" + 0x6c31303270757267L + ")");

                assertThatThrownBy(h.service::purge).isInstanceOf(PurgeRunningElsewhereException.class)
                        .hasFieldOrPropertyWithValue("code", "purge-running-elsewhere");
                assertThat(h.service.find(r.id())).isPresent();

                s.execute("select pg_advisory_unlock(" + 0x6c31303270757267L + ")");
            }
            assertThat(h.service.purge().items()).extracting(PurgeCandidate::recordingId).containsExactly(r.id());
        }
    }

    /** A configuration that does not compare with the database's clock: as if both clocks were wrong alike. */
    private static RecorderProperties.Retention trusting() {
        return new RecorderProperties.Retention("audio", Duration.ofDays(3), Duration.ofDays(2),
                Duration.ofDays(100_000), 500, Duration.ZERO);
    }

    @Test
    void policiesAreDataAndAChangeAppliesToTheNextPurge() throws Exception {
        try (Harness h = new Harness(dir)) {
            assertThat(h.service.policies()).extracting(RetentionPolicy::retentionClass, RetentionPolicy::keepFor)
                    .contains(org.assertj.core.groups.Tuple.tuple("audio", Period.ofYears(1)),
                            org.assertj.core.groups.Tuple.tuple("certification-interview", Period.ofYears(3)));
            Recording r = Archived.put(h, yearsAgo(h, 0, Duration.ofDays(-100)), "audio");

            h.service.setPolicy("audio", Period.ofMonths(3), "voice recordings, shortened for the test", "it-1");

            assertThat(h.service.purge().items()).extracting(PurgeCandidate::recordingId).containsExactly(r.id());
            assertThatThrownBy(() -> h.service.setPolicy("audio", Period.ZERO, "none", "it-1"))
                    .hasFieldOrPropertyWithValue("code", "invalid-request");
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = TestDatabase.get().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
