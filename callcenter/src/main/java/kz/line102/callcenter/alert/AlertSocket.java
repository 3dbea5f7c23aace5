package kz.line102.callcenter.alert;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kz.line102.callcenter.security.AccountSessions;
import kz.line102.callcenter.security.AccountSessions.Sockets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/alerts}: a supervisor's screen (the handshake is for supervisors only,
 * see the security configuration). On connect it gets every open alert, then each
 * change as it happens; a screen that reconnects is whole again from that first list.
 */
@Component
class AlertSocket extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(AlertSocket.class);
    private static final int SEND_TIMEOUT_MS = 5_000;
    private static final int BUFFER_BYTES = 1024 * 1024;

    private final AlertRelay relay;
    private final AlertService alerts;
    private final JsonMapper json;
    private final Map<String, AutoCloseable> registrations = new ConcurrentHashMap<>();
    private final Map<String, AutoCloseable> accountRegistrations = new ConcurrentHashMap<>();
    private final AccountSessions accounts;

    AlertSocket(AlertRelay relay, AlertService alerts, JsonMapper json, AccountSessions accounts) {
        this.accounts = accounts;
        this.relay = relay;
        this.alerts = alerts;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        WebSocketSession socket = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIMEOUT_MS, BUFFER_BYTES);
        // Registered before the snapshot is read, so nothing raised in between is missed
        // (a screen may see an alert twice; it keys them by id).
        if (raw.getPrincipal() != null) {
            // Closed by the registry when the supervisor is disabled or demoted, on any node.
            accountRegistrations.put(raw.getId(), accounts.register(raw.getPrincipal().getName(), Sockets.ALERTS, raw));
        }
        registrations.put(raw.getId(), relay.register(m -> send(socket, m)));
        send(socket, AlertMessage.snapshot(alerts.openForScreen()));
        log.info("supervisor {} alert screen connected", raw.getPrincipal() == null ? "?" : raw.getPrincipal().getName());
    }

    private void send(WebSocketSession socket, AlertMessage message) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.sendMessage(new TextMessage(json.writeValueAsString(message)));
        } catch (IOException | RuntimeException e) {
            log.warn("alert message not sent to screen {}: {}", socket.getId(), e.toString());
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        log.warn("alert screen {} sent a message; acknowledgements go through the API", session.getId());
        send(session, AlertMessage.error("read-only", "acknowledge alerts with POST /api/v1/alerts/{id}/acknowledgement"));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
        AutoCloseable registration = registrations.remove(session.getId());
        if (registration != null) {
            registration.close();
        }
        AutoCloseable account = accountRegistrations.remove(session.getId());
        if (account != null) {
            account.close();
        }
    }
}
