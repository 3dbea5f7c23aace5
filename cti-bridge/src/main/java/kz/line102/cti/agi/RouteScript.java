package kz.line102.cti.agi;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kz.line102.cti.CallId;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One routing request, in the same exchange as the lab's router in the captures:
 * {@code GET VARIABLE CHANNEL(language)}, a {@code VERBOSE} line for the Asterisk log,
 * then {@code SET VARIABLE} of {@code ROUTE_QUEUE}, {@code ROUTE_PRIO} and
 * {@code ROUTE_REASON}, then the session ends (as the lab's router did, so Asterisk goes
 * on at once). Whatever goes wrong before the SETs, the dialplan's own defaults (set
 * before the AGI) stay in place.
 */
final class RouteScript implements AgiScript {

    static final String METRIC = "line102.cti.agi.requests";
    private static final Logger log = LoggerFactory.getLogger(RouteScript.class);

    private final AgiProperties props;
    private final BudgetedDecider decider;
    private final MeterRegistry meters;
    private final Routed.Listener listener;

    RouteScript(AgiProperties props, BudgetedDecider decider, MeterRegistry meters, Routed.Listener listener) {
        this.props = props;
        this.decider = decider;
        this.meters = meters;
        this.listener = listener;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            outcome = serve(request, channel);
        } catch (AgiHangupException e) {
            outcome = "hangup";
            log.info("AGI session from {} ended before the decision was set (caller hung up or link cut)",
                    request.getRemoteAddress());
        } finally {
            Timer.builder(METRIC).tag("outcome", outcome).description("FastAGI routing requests, by outcome")
                    .register(meters).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private String serve(AgiRequest request, AgiChannel channel) throws AgiException {
        if (request.getScript() == null || request.getUniqueId() == null) {
            log.warn("incomplete AGI request from {} (no script or uniqueid): not answered",
                    request.getRemoteAddress());
            return "incomplete";
        }
        if (!props.script().equals(request.getScript())) {
            log.warn("AGI request for unknown script '{}' from {}: not answered", request.getScript(),
                    request.getRemoteAddress());
            return "unknown-script";
        }
        CallId callId = CallId.derive(props.pbx(), request.getUniqueId());
        // The decision starts at once with the request's agi_language (the channel's language when the
        // AGI began) and runs while CHANNEL(language) is asked; only if the dialplan's answer differs
        // is it made again. The budget counts from the first start.
        RouteRequest route = new RouteRequest(callId, callerNumber(request), normalized(request.getLanguage()),
                request.getContext(), request.getExtension());
        BudgetedDecider.Pending pending = decider.start(route);
        try {
            String language = language(request, channel);
            if (!Objects.equals(language, route.language())) {
                pending.cancel();
                route = new RouteRequest(callId, route.callerNumber(), language, route.context(), route.extension());
                pending = decider.start(route);
            }
            channel.verbose("routing 102 from " + printable(route.callerNumber()), 1);
        } catch (AgiException e) {
            // Asterisk is gone (hang-up, cut link): the decision is no longer wanted.
            pending.cancel();
            throw e;
        }
        RouteDecision decision = pending.await();
        channel.setVariable("ROUTE_QUEUE", decision.queue());
        channel.setVariable("ROUTE_PRIO", Integer.toString(decision.priority()));
        channel.setVariable("ROUTE_REASON", decision.reason());
        endSession();
        log.info("callId={} routed to {} prio {} ({})", callId, decision.queue(), decision.priority(),
                decision.reason());
        tell(new Routed(route, decision, Instant.now()));
        return decision.reason().startsWith("fallback:") ? "fallback" : "decided";
    }

    /** The answer is already on the channel: a failing listener costs only its own record. */
    private void tell(Routed routed) {
        try {
            listener.routed(routed);
        } catch (RuntimeException e) {
            log.warn("callId={} routing listener failed: {}", routed.request().callId(), e.toString());
        }
    }

    private static void endSession() {
        try {
            GuardedAgiSocket.endCurrentSession();
        } catch (java.io.IOException e) {
            log.debug("closing a finished AGI session failed", e);
        }
    }

    /** CHANNEL(language) as the dialplan has it now; the request's agi_language if that fails. */
    private static String language(AgiRequest request, AgiChannel channel) throws AgiException {
        String language = channel.getVariable("CHANNEL(language)");
        if (language == null || language.isBlank()) {
            language = request.getLanguage();
        }
        return normalized(language);
    }

    private static String normalized(String language) {
        return language == null || language.isBlank() ? null : language.trim().toLowerCase(Locale.ROOT);
    }

    /** The first AGI argument (the dialplan passes ${CALLERID(num)}), else agi_callerid. */
    private static String callerNumber(AgiRequest request) {
        String[] args = request.getArguments();
        if (args != null && args.length > 0 && args[0] != null && !args[0].isBlank()) {
            return args[0].trim();
        }
        return request.getCallerIdNumber();
    }

    private static String printable(String s) {
        return s == null ? "withheld" : s.replaceAll("[^\\p{Alnum}+#*]", "?");
    }
}
