package kz.line102.callcenter.caller;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import kz.line102.callcenter.caller.PhoneNumbers.NumberStatus;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.security.CallAccess;
import kz.line102.callcenter.security.NeedToKnowException;
import kz.line102.callcenter.security.NeedToKnowProperties;
import kz.line102.callcenter.app.PersonalData;
import kz.line102.callcenter.security.RateLimiter;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.SecurityAudit;
import kz.line102.callcenter.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The caller card for an incoming number. Only the subscriber part is cached (it
 * changes only when the registry is loaded, which invalidates the cache); the call
 * history is read live on every card, because it changes with every call on every
 * node and a stale "no earlier call" would hide a repeat or a call-back. Never
 * throws for a bad number: a withheld or unreadable number still gets a card.
 *
 * <p>People ask through {@link #read} (the need-to-know rule of the security package:
 * their own call, the watch's calls for the duty officer, or a stated reason that is
 * rate-limited) and every such read is in the security audit trail.
 */
@Service
public class CallerCardService {

    /** The rate-limit group of lookups with a stated reason. */
    public static final String LOOKUPS = "caller-lookup";
    static final int MAX_REASON_CHARS = 500;
    private static final Logger log = LoggerFactory.getLogger(CallerCardService.class);

    private final PhoneNumbers numbers;
    private final SubscriberCache subscribers;
    private final JdbcCallHistory history;
    private final CallerProperties props;
    private final Clock clock;
    // Looked up when a person reads a card: the subscriber import command runs this
    // package without the web and security parts.
    private final ObjectProvider<CallAccess> access;
    private final ObjectProvider<RateLimiter> limiter;
    private final ObjectProvider<SecurityAudit> audit;
    private final ObjectProvider<NeedToKnowProperties> needToKnow;

    CallerCardService(PhoneNumbers numbers, SubscriberCache subscribers, JdbcCallHistory history,
                      CallerProperties props, Clock clock, ObjectProvider<CallAccess> access,
                      ObjectProvider<RateLimiter> limiter, ObjectProvider<SecurityAudit> audit,
                      ObjectProvider<NeedToKnowProperties> needToKnow) {
        this.numbers = numbers;
        this.subscribers = subscribers;
        this.history = history;
        this.props = props;
        this.clock = clock;
        this.access = access;
        this.limiter = limiter;
        this.audit = audit;
        this.needToKnow = needToKnow;
    }

    /**
     * The card behind a number for a person: allowed when the number is on a call of
     * theirs in this watch (rang or answered at their desk; any call of the watch for a
     * supervisor), otherwise only with a {@code reason}, which counts against their
     * lookup limit. Audited either way, refusals included.
     */
    public CallerCard read(Viewer who, String rawNumber, String reason) {
        String raw = rawNumber.trim();
        NormalizedNumber n = numbers.normalize(raw);
        CallAccess access = this.access.getObject();
        NeedToKnowProperties needToKnow = this.needToKnow.getObject();
        Optional<UUID> call = Optional.empty();
        if (who.is(Role.OPERATOR) || who.is(Role.SUPERVISOR)) {
            call = access.handledCallFrom(who.username(), raw, n.e164());
        }
        if (call.isEmpty() && who.is(Role.SUPERVISOR)) {
            call = access.callInWatchFrom(raw, n.e164());
        }
        String stated = reason == null || reason.isBlank() ? null : reason.trim();
        if (stated != null && stated.length() > MAX_REASON_CHARS) {
            throw new InvalidRequestException("a reason has at most " + MAX_REASON_CHARS + " characters");
        }
        if (call.isEmpty()) {
            if (stated == null || stated.length() < needToKnow.minReasonChars()) {
                record(who.username(), "caller-card-refused", raw, null, stated);
                log.info("operatorId={} caller card of {} refused: not on their calls, no reason given",
                        who.username(), PersonalData.number(raw));
                throw new NeedToKnowException("this number is on none of your calls in this watch; state a reason"
                        + " (at least " + needToKnow.minReasonChars() + " characters, 'reason' parameter or"
                        + " X-Lookup-Reason header): such lookups are limited and audited");
            }
            limiter.getObject().acquire(LOOKUPS, who.username(), needToKnow.lookupsPerWindow(), needToKnow.lookupWindow(),
                    "lookup-rate-limited", "caller lookups with a reason");
        }
        CallerCard card = cardFor(raw);
        record(who.username(), "caller-card-read", raw, call.orElse(null), stated);
        log.info("callId={} operatorId={} caller card of {} read{}", call.map(UUID::toString).orElse("-"),
                who.username(), PersonalData.number(raw), stated == null ? "" : " with a stated reason");
        return card;
    }

    /** The card for a call the system hands to its operator (a draft prefilled on answer), audited as such. */
    public CallerCard readForCall(String actor, UUID callId, String rawNumber, String purpose) {
        CallerCard card = cardFor(rawNumber);
        if (rawNumber != null) {
            record(actor, "caller-card-read", rawNumber.trim(), callId, purpose);
        }
        return card;
    }

    private void record(String actor, String action, String raw, UUID callId, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("number", PersonalData.mask(raw));
        String e164 = numbers.normalize(raw).e164();
        detail.put("numberDigest", audit.getObject().digest(e164 == null ? raw : e164));
        detail.put("callId", callId == null ? null : callId.toString());
        detail.put("basis", callId != null ? "call" : reason != null ? "reason" : "none");
        detail.put("reason", reason);
        audit.getObject().append(actor, action, detail);
    }

    public CallerCard cardFor(String rawNumber) {
        Instant now = clock.instant();
        NormalizedNumber n = numbers.normalize(rawNumber);
        Subscriber subscriber = null;
        JdbcCallHistory.History h;
        switch (n.status()) {
            case VALID -> {
                subscriber = subscribers.find(n.e164()).subscriber().orElse(null);
                h = history.byE164(n.e164(), now, props.recentCalls());
            }
            // Every withheld call would otherwise be one "repeat caller".
            case WITHHELD -> h = JdbcCallHistory.History.NONE;
            default -> h = history.byRaw(rawNumber.trim(), now, props.recentCalls());
        }
        Instant abandoned = h.lastAbandoned();
        boolean callback = abandoned != null && (h.lastAnswered() == null || h.lastAnswered().isBefore(abandoned));
        return new CallerCard(rawNumber, n.e164(), n.status().code(), subscriber, h.last24h(), h.last30d(),
                h.recent(), abandoned, callback,
                n.status() != NumberStatus.WITHHELD && h.last24h() >= props.repeatThreshold(), now);
    }
}
