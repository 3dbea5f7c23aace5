package kz.line102.callcenter.stats;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/stats}: a wallboard's or statistics page's socket (supervisors and IT staff,
 * see the security configuration). On connect it gets the newest snapshot, then every
 * new one as it is published on any node. Read-only.
 */
class StatsSocket extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(StatsSocket.class);
    private static final int SEND_TIMEOUT_MS = 5_000;
    private static final int BUFFER_BYTES = 1024 * 1024;

    private final StatsRelay relay;
    private final LiveStats live;
    private final JsonMapper json;
    private final Map<String, AutoCloseable> registrations = new ConcurrentHashMap<>();

    StatsSocket(StatsRelay relay, LiveStats live, JsonMapper json) {
        this.relay = relay;
        this.live = live;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        WebSocketSession socket = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIMEOUT_MS, BUFFER_BYTES);
        registrations.put(raw.getId(), relay.register(m -> send(socket, m)));
        send(socket, json.writeValueAsString(live.snapshot()));
    }

    private void send(WebSocketSession socket, String message) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.sendMessage(new TextMessage(message));
        } catch (IOException | RuntimeException e) {
            log.warn("live statistics not sent to screen {}: {}", socket.getId(), e.toString());
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        log.warn("statistics screen {} sent a message; the socket is read-only", session.getId());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
        AutoCloseable r = registrations.remove(session.getId());
        if (r != null) {
            r.close();
        }
    }
}
