package kz.line102.recorder.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.line102.recorder.Archived;
import kz.line102.recorder.Harness;
import kz.line102.recorder.Recording;

class RecordingSearchTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void pagesThroughEveryRecordingNewestFirstWithoutRepeatsOrGaps() throws Exception {
        try (Harness h = new Harness(dir)) {
            List<Recording> all = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                all.add(Archived.put(h, T0.plus(Duration.ofHours(i % 3)), "audio")); // equal times on purpose
            }

            List<Recording> seen = new ArrayList<>();
            RecordingPage page = h.service.search(RecordingQuery.all(3));
            seen.addAll(page.items());
            while (page.next() != null) {
                page = h.service.search(RecordingQuery.all(3).after(page.next()));
                seen.addAll(page.items());
            }

            assertThat(seen).extracting(Recording::id)
                    .containsExactlyInAnyOrderElementsOf(all.stream().map(Recording::id).toList())
                    .doesNotHaveDuplicates();
            assertThat(seen).extracting(Recording::callAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        }
    }

    @Test
    void filtersByTimeCallerOperatorCallAndIncident() throws Exception {
        try (Harness h = new Harness(dir)) {
            Recording a = Archived.put(h, T0, "audio", "+77012345678", "1001");
            Recording b = Archived.put(h, T0.plus(Duration.ofDays(1)), "audio", "87172123456", "1002");
            Recording c = Archived.put(h, T0.plus(Duration.ofDays(2)), "audio", "+77012345678", "1002");
            assertThat(h.service.linkIncident(b.callId(), "KUI-2026-000118")).isEqualTo(1);

            assertThat(ids(h, RecordingQuery.all(50).between(T0, T0.plus(Duration.ofDays(2)))))
                    .containsExactly(b.id(), a.id());
            assertThat(ids(h, RecordingQuery.all(50).callerNumber("+77012345678"))).containsExactly(c.id(), a.id());
            assertThat(ids(h, RecordingQuery.all(50).operator("1002"))).containsExactly(c.id(), b.id());
            assertThat(ids(h, RecordingQuery.all(50).callId(a.callId()))).containsExactly(a.id());
            assertThat(ids(h, RecordingQuery.all(50).incidentId("KUI-2026-000118"))).containsExactly(b.id());
            assertThat(h.service.find(b.id()).orElseThrow().incidentId()).isEqualTo("KUI-2026-000118");
        }
    }

    @Test
    void refusesABadPageSizeOrCursor() throws Exception {
        try (Harness h = new Harness(dir)) {
            assertThatThrownBy(() -> RecordingQuery.all(0)).hasFieldOrPropertyWithValue("code", "invalid-request");
            assertThatThrownBy(() -> h.service.search(RecordingQuery.all(10).after("not-a-cursor")))
                    .hasFieldOrPropertyWithValue("code", "invalid-request");
        }
    }

    private static List<Object> ids(Harness h, RecordingQuery q) {
        return h.service.search(q).items().stream().map(r -> (Object) r.id()).toList();
    }
}
