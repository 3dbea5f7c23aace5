package kz.line102.callcenter.cti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.testing.IsolatedBridge;
import kz.line102.cti.CallId;
import kz.line102.cti.replay.ReplayHandle;
import kz.line102.recorder.Recording;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.catalog.RecordingQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A call the demo replays ends in the archive with its recording, as a real one would: the
 * replay leaves the WAV in the recorder's spool under the announced name, the call's
 * RecordingFinished crosses the whole pipeline, and the recorder archives the file.
 */
@CallcenterTest
class DemoRecordingArchivedTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedBridge.register(registry, "pipeline-test");
    }

    @Value("${line102.cti.ami.pbx}")
    String pbxName;
    @Value("${line102.recorder.ingest.spool-dir}")
    Path spool;
    @Autowired
    DemoReplay replay;
    @Autowired
    RecordingService recordings;

    @Test
    void anAnsweredDemoCallIsArchivedWithItsSpeech() {
        await().atMost(Duration.ofSeconds(20)).until(() -> replay.server().loggedInClients() > 0);
        replay.recordInto(spool);
        ReplayHandle call = replay.playOne("answered", 50);
        assertThat(call.scenario()).isEqualTo("answered");
        String callId = CallId.derive(pbxName, call.linkedid()).value();

        List<Recording> found = await().atMost(Duration.ofSeconds(90)).until(() -> recordings.search(
                RecordingQuery.all(10).callId(callId)).items(), items -> !items.isEmpty());
        Recording r = found.get(0);
        assertThat(r.contentType()).isEqualTo("audio/ogg");
        assertThat(r.duration()).isGreaterThan(Duration.ofSeconds(3));
        assertThat(r.sourceName()).endsWith(".wav").contains(call.linkedid());
        assertThat(r.orphan()).isFalse();
    }
}
