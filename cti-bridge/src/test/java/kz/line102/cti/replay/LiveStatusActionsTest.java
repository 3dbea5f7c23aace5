package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.QueueSummaryAction;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueSummaryEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status actions answered from what has been played, as asterisk-java sees them. */
class LiveStatusActionsTest {

    /** Fast enough for a short test, slow enough to leave seconds between answer and hangup. */
    private static final double PACE = 5;

    private AmiReplayServer server;
    private ManagerConnection connection;

    @BeforeEach
    void start() throws Exception {
        server = AmiReplayServer.start(ReplayConfig.ephemeral(AmiClients.USER, AmiClients.SECRET));
        connection = AmiClients.connection(server);
        connection.login();
    }

    @AfterEach
    void stop() {
        connection.logoff();
        server.close();
    }

    @Test
    void coreShowChannelsMidCallListsBothLegsWithTheCallsLinkedid() throws Exception {
        AtomicBoolean answered = new AtomicBoolean();
        connection.addEventListener(e -> answered.compareAndSet(false, e instanceof AgentConnectEvent));
        ReplayHandle call = server.play("answered", PlayOptions.paced(PACE));
        await().atMost(Duration.ofSeconds(10)).untilTrue(answered);

        List<ResponseEvent> events = List.copyOf(
                connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 5_000).getEvents());

        List<CoreShowChannelEvent> channels = events.stream().filter(CoreShowChannelEvent.class::isInstance)
                .map(CoreShowChannelEvent.class::cast).toList();
        assertThat(channels).hasSize(2);
        assertThat(channels).extracting(CoreShowChannelEvent::getLinkedid).containsOnly(call.linkedid());
        assertThat(channels).extracting(CoreShowChannelEvent::getChannel)
                .containsExactlyInAnyOrderElementsOf(call.channels());
        assertThat(channels).extracting(CoreShowChannelEvent::getBridgeid).doesNotContainNull().hasSize(2)
                .matches(ids -> ids.get(0).equals(ids.get(1)), "both legs in one bridge");
        CoreShowChannelEvent callerLeg = channels.stream()
                .filter(c -> c.getUniqueid().equals(call.linkedid())).findFirst().orElseThrow();
        assertThat(callerLeg.getApplication()).isEqualTo("Queue");
        assertThat(callerLeg.getCallerIdNum()).isEqualTo(call.callerNumber());
        assertThat(events.get(events.size() - 1)).isInstanceOf(CoreShowChannelsCompleteEvent.class);
        assertThat(((CoreShowChannelsCompleteEvent) events.get(events.size() - 1)).getListitems()).isEqualTo(2);

        call.done().get();
        assertThat(connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 5_000).getEvents())
                .noneMatch(CoreShowChannelEvent.class::isInstance);
    }

    @Test
    void queueStatusWhileACallerWaitsReturnsItsQueueEntry() throws Exception {
        AtomicBoolean queued = new AtomicBoolean();
        connection.addEventListener(e -> queued.compareAndSet(false, e instanceof QueueCallerJoinEvent));
        ReplayHandle call = server.play("abandon", PlayOptions.paced(PACE));
        await().atMost(Duration.ofSeconds(15)).untilTrue(queued);

        List<ResponseEvent> status = List.copyOf(
                connection.sendEventGeneratingAction(new QueueStatusAction(), 5_000).getEvents());
        List<ResponseEvent> summary = List.copyOf(
                connection.sendEventGeneratingAction(new QueueSummaryAction(), 5_000).getEvents());

        List<QueueEntryEvent> entries = status.stream().filter(QueueEntryEvent.class::isInstance)
                .map(QueueEntryEvent.class::cast).toList();
        assertThat(entries).hasSize(1);
        QueueEntryEvent entry = entries.get(0);
        assertThat(entry.getQueue()).isEqualTo("q102");
        assertThat(entry.getUniqueId()).isEqualTo(call.linkedid());
        assertThat(entry.getCallerIdNum()).isEqualTo(call.callerNumber());
        assertThat(entry.getPosition()).isEqualTo(1);
        assertThat(entry.getPriority()).isEqualTo(5);
        // In this capture both operators were paused "on incident" before the call.
        assertThat(status.stream().filter(QueueMemberEvent.class::isInstance).map(QueueMemberEvent.class::cast))
                .hasSize(2).allMatch(QueueMemberEvent::getPaused);
        QueueSummaryEvent q102 = summary.stream().filter(QueueSummaryEvent.class::isInstance)
                .map(QueueSummaryEvent.class::cast).findFirst().orElseThrow();
        assertThat(q102.getCallers()).isEqualTo(1);
        assertThat(q102.getAvailable()).isZero();

        call.done().get();
        assertThat(connection.sendEventGeneratingAction(new QueueStatusAction(), 5_000).getEvents())
                .noneMatch(QueueEntryEvent.class::isInstance);
    }

    @Test
    void unknownActionIsAnErrorWithAsterisksWording() throws Exception {
        try (RawAmiClient raw = RawAmiClient.loggedIn(server.port())) {
            raw.send("Action: NoSuchAction\r\nActionID: lab-12\r\n\r\n");
            String block = raw.readBlockMatching(b -> b.startsWith("Response:"));
            assertThat(block).isEqualTo("Response: Error\r\nActionID: lab-12\r\nMessage: Invalid/unknown command: "
                    + "NoSuchAction. Use Action: ListCommands to show available commands.\r\n");
        }
    }

    @Test
    void pingAndVersionCommandAnswerLikeTheCapture() throws Exception {
        ManagerResponse pong = connection.sendAction(new org.asteriskjava.manager.action.PingAction());
        assertThat(pong.getResponse()).isEqualTo("Success");
        try (RawAmiClient raw = RawAmiClient.loggedIn(server.port())) {
            raw.send("Action: Command\r\nCommand: core show version\r\nActionID: v1\r\n\r\n");
            assertThat(raw.readBlockMatching(b -> b.startsWith("Response:")))
                    .startsWith("Response: Success\r\nActionID: v1\r\nMessage: Command output follows\r\n")
                    .contains("Output: Asterisk 22.10.1 built by");
        }
    }
}
