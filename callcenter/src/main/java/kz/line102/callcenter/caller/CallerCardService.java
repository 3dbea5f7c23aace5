package kz.line102.callcenter.caller;

import java.time.Clock;
import java.time.Instant;

import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import kz.line102.callcenter.caller.PhoneNumbers.NumberStatus;
import org.springframework.stereotype.Service;

/**
 * The caller card for an incoming number. Only the subscriber part is cached (it
 * changes only when the registry is loaded, which invalidates the cache); the call
 * history is read live on every card, because it changes with every call on every
 * node and a stale "no earlier call" would hide a repeat or a call-back. Never
 * throws for a bad number: a withheld or unreadable number still gets a card.
 */
@Service
public class CallerCardService {

    private final PhoneNumbers numbers;
    private final SubscriberCache subscribers;
    private final JdbcCallHistory history;
    private final CallerProperties props;
    private final Clock clock;

    CallerCardService(PhoneNumbers numbers, SubscriberCache subscribers, JdbcCallHistory history,
                      CallerProperties props, Clock clock) {
        this.numbers = numbers;
        this.subscribers = subscribers;
        this.history = history;
        this.props = props;
        this.clock = clock;
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
