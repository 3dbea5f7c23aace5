package kz.line102.callcenter.screenpop;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import kz.line102.callcenter.caller.CallerCard;
import kz.line102.callcenter.caller.CallerCardService;
import kz.line102.callcenter.operator.OperatorService;
import kz.line102.callcenter.operator.OperatorSession;
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
 * {@code /ws/screenpop}: an operator's console. The socket is bound at connect time
 * to the phone of the workstation the operator is signed in at, and only that phone's
 * rings reach it; the handshake itself is refused to anyone not signed in as an
 * operator (see the security configuration). Messages from the console are not
 * expected: one is answered with an error and otherwise ignored.
 */
@Component
class ScreenPopSocket extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ScreenPopSocket.class);
    private static final int SEND_TIMEOUT_MS = 5_000;
    private static final int BUFFER_BYTES = 512 * 1024;

    private final ScreenPopRelay relay;
    private final OperatorService operators;
    private final CallerCardService cards;
    private final JsonMapper json;
    private final Map<String, AutoCloseable> registrations = new ConcurrentHashMap<>();
    /** Card lookups and sends, off the relay's thread (bounded, see {@link ScreenPopLanes}). */
    private final ScreenPopLanes lanes;

    ScreenPopSocket(ScreenPopRelay relay, OperatorService operators, CallerCardService cards, JsonMapper json,
                    ScreenPopLanes lanes) {
        this.relay = relay;
        this.operators = operators;
        this.cards = cards;
        this.json = json;
        this.lanes = lanes;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws IOException {
        WebSocketSession socket = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIMEOUT_MS, BUFFER_BYTES);
        Principal who = raw.getPrincipal();
        if (who == null) {
            refuse(socket, "unauthenticated", "sign in first");
            return;
        }
        Optional<OperatorSession> session = operators.currentSession(who.getName());
        if (session.isEmpty()) {
            refuse(socket, "no-workstation", "sign in at a workstation first: the console shows that phone's calls");
            return;
        }
        String extension = session.get().extension();
        registrations.put(raw.getId(), relay.register(extension,
                ring -> lanes.execute(extension, () -> deliver(socket, ring))));
        log.info("operatorId={} console connected for extension {}", who.getName(), extension);
        relay.current(extension).ifPresent(ring -> lanes.execute(extension, () -> deliver(socket, ring)));
    }

    private void deliver(WebSocketSession socket, OperatorRing ring) {
        if (!socket.isOpen()) {
            return;
        }
        ScreenPopMessage message = ring.active() ? ScreenPopMessage.ring(ring, card(socket, ring)) : ScreenPopMessage.stop(ring);
        send(socket, message);
    }

    private CallerCard card(WebSocketSession socket, OperatorRing ring) {
        try {
            if (ring.callerNumber() == null) {
                return null;
            }
            // Personal data shown on a screen is a caller-card read like any other: audited.
            String actor = socket.getPrincipal() == null ? "unknown" : socket.getPrincipal().getName();
            return cards.readForCall(actor, UUID.fromString(ring.callId()), ring.callerNumber(), "screen-pop");
        } catch (RuntimeException e) {
            // The pop must still show the number even when the registry cannot be read.
            log.error("callId={} extension={} caller card unavailable: {}", ring.callId(), ring.extension(), e.toString());
            return null;
        }
    }

    private void send(WebSocketSession socket, ScreenPopMessage message) {
        try {
            socket.sendMessage(new TextMessage(json.writeValueAsString(message)));
        } catch (IOException | RuntimeException e) {
            log.warn("screen-pop not sent to console {}: {}", socket.getId(), e.toString());
        }
    }

    private void refuse(WebSocketSession socket, String code, String detail) throws IOException {
        log.info("console refused ({}): {}", code, detail);
        send(socket, ScreenPopMessage.error(code, detail));
        socket.close(CloseStatus.POLICY_VIOLATION.withReason(code));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        log.warn("console {} sent a message; consoles only listen", session.getId());
        send(session, ScreenPopMessage.error("read-only", "this socket only delivers screen-pops"));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
        AutoCloseable registration = registrations.remove(session.getId());
        if (registration != null) {
            registration.close();
        }
    }
}
