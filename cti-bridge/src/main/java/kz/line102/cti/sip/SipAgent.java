package kz.line102.cti.sip;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ObjectInUseException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one SIP user agent of the process: a JAIN-SIP stack with a UDP and a TCP
 * listening point on one port, and a table of the client transactions waiting for an
 * answer. Every wait is bounded ({@code maxInFlight} at once, each with its own
 * timeout after which the transaction is terminated at once instead of lingering for
 * the stack's 32 s Timer F), so a silent peer costs nothing after its timeout.
 * {@link #close()} ends what is in flight and gives the ports back.
 */
public final class SipAgent implements SipListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SipAgent.class);

    private final SipAgentConfig config;
    private final SipStackHandle handle;
    private final SipProvider provider;
    private final int port;
    private final SipMessages messages;
    private final Map<ClientTransaction, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Request>> dialogRequests = new ConcurrentHashMap<>();
    private final Semaphore slots;
    private final ScheduledExecutorService timers;
    private final AtomicInteger strays = new AtomicInteger();
    private volatile boolean closed;

    private record Pending(CompletableFuture<SipReply> reply, long sentAt, Consumer<Response> provisional,
                           ScheduledFuture<?> timer, String peer) {
    }

    private SipAgent(SipAgentConfig config, SipStackHandle handle) {
        this.config = config;
        this.handle = handle;
        this.provider = handle.provider();
        this.port = handle.port();
        this.messages = handle.messages();
        this.slots = new Semaphore(config.maxInFlight());
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "line102-sip-timeouts");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the stack and binds UDP and TCP on the configured (or a free) port. */
    public static SipAgent start(SipAgentConfig config) throws IOException {
        SipStackHandle handle = SipStackHandle.open(config);
        try {
            SipAgent agent = new SipAgent(config, handle);
            handle.provider().addSipListener(agent);
            handle.stack().start();
            log.info("SIP user agent listening on {}:{} (udp, tcp)", config.bindAddress(), handle.port());
            return agent;
        } catch (Exception e) {
            handle.close();
            throw new IOException("SIP user agent did not start: " + e, e);
        }
    }

    public int port() {
        return port;
    }

    public String address() {
        return config.bindAddress();
    }

    SipMessages messages() {
        return messages;
    }

    SipProvider provider() {
        return provider;
    }

    /** Client transactions waiting for an answer now. */
    public int inFlight() {
        return pending.size();
    }

    /** Responses that matched no transaction of ours (late, duplicated or foreign). */
    public int strayResponses() {
        return strays.get();
    }

    /**
     * Sends {@code request} in a new client transaction. The reply completes once, with
     * the final response, a timeout (the transaction is then terminated) or a transport
     * failure; it never fails exceptionally. {@code provisional} sees 1xx responses.
     */
    public CompletableFuture<SipReply> send(Request request, Duration timeout, Consumer<Response> provisional) {
        String peer = String.valueOf(request.getRequestURI());
        long start = System.nanoTime();
        if (closed) {
            return CompletableFuture.completedFuture(
                    new SipReply(null, SipReply.Failure.TRANSPORT, "the SIP user agent is closed", 0, null));
        }
        if (!slots.tryAcquire()) {
            return CompletableFuture.completedFuture(new SipReply(null, SipReply.Failure.BUSY,
                    config.maxInFlight() + " transactions already in flight; " + request.getMethod() + " not sent", 0,
                    null));
        }
        ClientTransaction ct;
        try {
            ct = provider.getNewClientTransaction(request);
        } catch (Exception e) {
            slots.release();
            return CompletableFuture.completedFuture(new SipReply(null, SipReply.Failure.TRANSPORT,
                    request.getMethod() + " to " + peer + " not sent: " + e.getMessage(), System.nanoTime() - start,
                    null));
        }
        CompletableFuture<SipReply> reply = new CompletableFuture<>();
        ScheduledFuture<?> timer = timers.schedule(() -> finish(ct, null, SipReply.Failure.TIMEOUT,
                "no final answer from " + peer + " within " + timeout.toMillis() + " ms"),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending.put(ct, new Pending(reply, start, provisional, timer, peer));
        try {
            if (request.getMethod().equals(Request.INVITE) || ct.getDialog() == null) {
                ct.sendRequest();
            } else {
                ct.getDialog().sendRequest(ct);
            }
        } catch (SipException | RuntimeException e) {
            finish(ct, null, SipReply.Failure.TRANSPORT, request.getMethod() + " to " + peer + " not sent: "
                    + rootMessage(e));
        }
        return reply;
    }

    /** Sends a request inside {@code dialog} (BYE), in a new client transaction of the dialog. */
    public CompletableFuture<SipReply> sendInDialog(Dialog dialog, String method, Duration timeout) {
        try {
            Request request = dialog.createRequest(method);
            messages.decorate(request);
            return send(request, timeout, r -> {
            });
        } catch (SipException | RuntimeException e) {
            return CompletableFuture.completedFuture(new SipReply(null, SipReply.Failure.TRANSPORT,
                    method + " not built in dialog " + dialog.getCallId().getCallId() + ": " + rootMessage(e), 0,
                    null));
        }
    }

    /** {@code onRequest} sees requests the far end sends in the call (its BYE). */
    void watchCall(String callId, Consumer<Request> onRequest) {
        dialogRequests.put(callId, onRequest);
    }

    void unwatchCall(String callId) {
        dialogRequests.remove(callId);
    }

    private void finish(ClientTransaction ct, Response response, SipReply.Failure failure, String detail) {
        Pending p = pending.remove(ct);
        if (p == null) {
            return;
        }
        slots.release();
        p.timer().cancel(false);
        if (response == null && failure == SipReply.Failure.TIMEOUT && Request.INVITE.equals(ct.getRequest().getMethod())) {
            cancel(ct);
        }
        if (response == null) {
            try {
                // Without this the transaction would wait for the stack's own timers (32 s).
                ct.terminate();
            } catch (ObjectInUseException | RuntimeException ignored) {
                // already terminated by the stack
            }
        }
        p.reply().complete(new SipReply(response, failure, detail, System.nanoTime() - p.sentAt(), ct));
    }

    /** An INVITE left unanswered is cancelled, so the far end stops ringing; the stack times the CANCEL out. */
    private void cancel(ClientTransaction invite) {
        try {
            provider.getNewClientTransaction(invite.createCancel()).sendRequest();
        } catch (SipException | RuntimeException e) {
            log.info("CANCEL of an unanswered INVITE not sent: {}", rootMessage(e));
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction ct = event.getClientTransaction();
        Pending p = ct == null ? null : pending.get(ct);
        if (p == null) {
            strays.incrementAndGet();
            log.debug("SIP response {} matched no transaction in flight (late or repeated)", response.getStatusCode());
            return;
        }
        if (response.getStatusCode() < 200) {
            p.provisional().accept(response);
            return;
        }
        finish(ct, response, SipReply.Failure.NONE, response.getStatusCode() + " " + response.getReasonPhrase());
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.getClientTransaction() != null) {
            finish(event.getClientTransaction(), null, SipReply.Failure.TIMEOUT, "the SIP stack's timer expired "
                    + "with no final answer");
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        String where = event.getHost() + ":" + event.getPort();
        log.info("SIP transport error towards {} ({})", where, event.getTransport());
        for (Map.Entry<ClientTransaction, Pending> e : pending.entrySet()) {
            if (e.getValue().peer().contains(where)) {
                finish(e.getKey(), null, SipReply.Failure.TRANSPORT, "connection to " + where + " ("
                        + event.getTransport() + ") failed");
            }
        }
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        if (!event.isServerTransaction()) {
            finish(event.getClientTransaction(), null, SipReply.Failure.TIMEOUT, "transaction ended with no final "
                    + "answer");
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // Dialogs end with their BYE or are deleted by the test call; nothing is kept for them here.
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (method.equals(Request.ACK)) {
            return;
        }
        int status = switch (method) {
            case Request.OPTIONS, Request.BYE -> Response.OK;
            default -> Response.NOT_IMPLEMENTED;
        };
        try {
            ServerTransaction st = event.getServerTransaction() != null ? event.getServerTransaction()
                    : provider.getNewServerTransaction(request);
            st.sendResponse(messages.response(status, request));
        } catch (Exception e) {
            log.info("SIP {} from the far end not answered: {}", method, rootMessage(e));
        }
        String callId = messages.callId(request);
        Consumer<Request> watcher = callId == null ? null : dialogRequests.get(callId);
        if (watcher != null) {
            watcher.accept(request);
        } else if (status != Response.OK) {
            log.info("SIP {} received outside any test call; answered {}", method, status);
        }
    }

    /** Ends what is in flight, then deletes the provider before its listening points (the stack's order). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ClientTransaction ct : List.copyOf(pending.keySet())) {
            finish(ct, null, SipReply.Failure.TRANSPORT, "the SIP user agent is closing");
        }
        timers.shutdownNow();
        provider.removeSipListener(this);
        handle.close();
        log.info("SIP user agent on {}:{} closed", config.bindAddress(), port);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    static String newTag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
