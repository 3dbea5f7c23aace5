package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refused logins, dropped and refused connections, and raw bytes, as a CTI client meets them. */
class ConnectionFaultsTest {

    private AmiReplayServer server;

    @BeforeEach
    void start() throws Exception {
        server = AmiReplayServer.start(ReplayConfig.ephemeral(AmiClients.USER, AmiClients.SECRET));
    }

    @AfterEach
    void stop() {
        server.close();
        server.close(); // idempotent
    }

    @Test
    void wrongPasswordIsRefusedAndTheSocketClosed() throws Exception {
        ManagerConnection wrong = new ManagerConnectionFactory("127.0.0.1", server.port(), AmiClients.USER, "nope")
                .createManagerConnection();
        assertThatThrownBy(wrong::login).isInstanceOf(AuthenticationFailedException.class);

        try (RawAmiClient raw = new RawAmiClient(server.port())) {
            raw.send("Action: Login\r\nUsername: cti\r\nSecret: nope\r\nActionID: l1\r\n\r\n");
            assertThat(raw.readBlock()).isEqualTo("Response: Error\r\nActionID: l1\r\nMessage: Authentication failed\r\n");
            assertThat(raw.readBlock()).isNull();
        }
    }

    @Test
    void actionsBeforeLoginAreRefused() throws Exception {
        try (RawAmiClient raw = new RawAmiClient(server.port())) {
            assertThat(raw.banner).isEqualTo("Asterisk Call Manager/11.0.0");
            raw.send("action: CoreShowChannels\r\nactionid: x1\r\n\r\n");
            assertThat(raw.readBlock()).isEqualTo("Response: Error\r\nActionID: x1\r\nMessage: Permission denied\r\n");
        }
    }

    @Test
    void droppedClientsMidBlockMakeAsteriskJavaReconnect() throws Exception {
        ManagerConnection connection = AmiClients.connection(server);
        AtomicInteger connects = new AtomicInteger();
        AtomicInteger disconnects = new AtomicInteger();
        connection.addEventListener(e -> {
            if (e instanceof ConnectEvent) {
                connects.incrementAndGet();
            } else if (e instanceof DisconnectEvent) {
                disconnects.incrementAndGet();
            }
        });
        connection.login();
        try {
            server.dropClients(true);

            await().atMost(Duration.ofSeconds(5)).until(() -> disconnects.get() >= 1);
            await().atMost(Duration.ofSeconds(15)).until(() -> connects.get() >= 2
                    && connection.getState() == ManagerConnectionState.CONNECTED && server.loggedInClients() == 1);
        } finally {
            connection.logoff();
        }
    }

    @Test
    void whileRefusingNobodyConnectsAndPlayedEventsAreLostButTheStateAdvances() throws Exception {
        ManagerConnection connection = AmiClients.connection(server);
        AtomicInteger abandons = new AtomicInteger();
        connection.addEventListener(e -> {
            if (e instanceof QueueCallerAbandonEvent) {
                abandons.incrementAndGet();
            }
        });
        connection.login();
        try {
            server.refuseConnections();
            server.dropClients(false);
            assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close())
                    .isInstanceOf(ConnectException.class);

            server.play("abandon", PlayOptions.fast()).done().get();
            server.acceptConnections();

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    connection.getState() == ManagerConnectionState.CONNECTED && server.loggedInClients() == 1);
            QueueParamsEvent params = connection.sendEventGeneratingAction(new QueueStatusAction(), 5_000)
                    .getEvents().stream().filter(QueueParamsEvent.class::isInstance)
                    .map(QueueParamsEvent.class::cast).findFirst().orElseThrow();
            assertThat(params.getAbandoned()).isEqualTo(1);
            assertThat(abandons.get()).isZero();
        } finally {
            connection.logoff();
        }
    }

    @Test
    void injectedRawBytesReachTheClientSocketUnchanged() throws Exception {
        byte[] garbage = concat("garbage line without colon\r\nKey: no event\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                new byte[] {'E', 'v', 'e', 'n', 't', ':', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\r', '\n',
                        '\r', '\n'});
        try (RawAmiClient raw = RawAmiClient.loggedIn(server.port())) {
            server.injectRaw(garbage);
            assertThat(raw.readBytes(garbage.length)).isEqualTo(garbage);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) throws IOException {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
