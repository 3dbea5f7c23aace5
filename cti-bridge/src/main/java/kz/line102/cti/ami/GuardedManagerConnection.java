package kz.line102.cti.ami;

import java.io.IOException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * asterisk-java's connection with two changes. Its socket reads through the input guard
 * ({@link GuardedSocket}). And it never reconnects by itself: on a lost link
 * ManagerConnectionImpl starts a thread that retries 10 times at 50 ms, then every 5 s
 * forever, with no backoff, metrics or resync. Here the {@code DisconnectEvent} is
 * intercepted before that happens, and the connector is told instead; it reconnects
 * with a fresh instance on its own schedule. One instance serves one session.
 */
final class GuardedManagerConnection extends ManagerConnectionImpl {

    private final AmiProperties props;
    private final AmiEventFilter filter;
    private final AmiInputListener inputListener;
    private final Runnable linkLost;

    GuardedManagerConnection(AmiProperties props, AmiEventFilter filter, AmiInputListener inputListener,
                             Runnable linkLost) {
        this.props = props;
        this.filter = filter;
        this.inputListener = inputListener;
        this.linkLost = linkLost;
        setHostname(props.host());
        setPort(props.port());
        setUsername(props.username());
        setPassword(props.secret());
        setDefaultResponseTimeout(props.actionTimeout().toMillis());
        setDefaultEventTimeout(props.actionTimeout().toMillis());
        setKeepAliveAfterAuthenticationFailure(false);
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        return new GuardedSocket(props, filter, inputListener);
    }

    /**
     * Runs on asterisk-java's dispatch thread, after every event read before the loss:
     * so the connector hears of the loss only once all earlier events were handed on.
     */
    @Override
    public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
        if (!(event instanceof DisconnectEvent)) {
            super.dispatchEvent(event, requiredHandlingTime);
            return;
        }
        boolean wasUp;
        try (var ignored = withLock()) {
            wasUp = state == ManagerConnectionState.CONNECTED;
            if (wasUp) {
                // Not CONNECTED any more: the superclass releases waiting actions but
                // starts no reconnect thread.
                state = ManagerConnectionState.DISCONNECTING;
            }
        }
        super.dispatchEvent(event, requiredHandlingTime);
        try (var ignored = withLock()) {
            disconnect();
            if (wasUp) {
                state = ManagerConnectionState.DISCONNECTED;
            }
        }
        if (wasUp) {
            linkLost.run();
        }
    }

    /** Closes the socket without a Logoff (the link is already considered dead). */
    void abort() {
        try (var ignored = withLock()) {
            disconnect();
            state = ManagerConnectionState.DISCONNECTED;
        }
    }
}
