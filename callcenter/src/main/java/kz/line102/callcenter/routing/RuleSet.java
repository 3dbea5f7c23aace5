package kz.line102.callcenter.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An ordered list of rules and the default for calls no rule matches. The first rule
 * whose every condition holds decides. This is also the format of
 * {@code conf/routing-rules.json} and of the import endpoint.
 */
public record RuleSet(String defaultQueue, int defaultPriority, List<Rule> rules) {

    public RuleSet {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A rule: when all its conditions hold, the call goes to {@code queue} with {@code priority}. */
    public record Rule(String name, Conditions when, String queue, int priority) {

        public Rule {
            when = when == null ? Conditions.ANY : when;
        }
    }

    /**
     * What a rule asks of a call; an absent (null) condition holds for every call, so a
     * rule without conditions matches everything.
     *
     * @param numberPrefixes      the caller's E.164 number starts with one of these ({@code +7701}, or an
     *                            area code for a region: {@code +77172} Astana, {@code +7727} Almaty)
     * @param numberStatus        the caller's number is one of {@code valid}, {@code withheld}, {@code short},
     *                            {@code invalid}
     * @param languages           the channel language is one of these ({@code kk}, {@code ru}, {@code en})
     * @param minCallsLast24h     at least this many earlier calls from the number in the last 24 hours
     * @param abandonedWithinHour {@code true}: an earlier call from the number was abandoned in the last hour
     *                            (a call-back)
     * @param days                the local day of week is one of these
     * @param from                local time of day from (inclusive); with {@code to}; may wrap midnight
     * @param to                  local time of day to (exclusive)
     * @param queueLoad           the named queue is at least this loaded now
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conditions(List<String> numberPrefixes, List<String> numberStatus, List<String> languages,
                             Integer minCallsLast24h, Boolean abandonedWithinHour, List<DayOfWeek> days,
                             LocalTime from, LocalTime to, LoadCondition queueLoad) {

        public static final Conditions ANY = new Conditions(null, null, null, null, null, null, null, null, null);

        public boolean unconditional() {
            return equals(ANY);
        }

        /** Whether the caller's earlier calls must be looked up (a database query). */
        public boolean needsHistory() {
            return minCallsLast24h != null || Boolean.TRUE.equals(abandonedWithinHour);
        }
    }

    /** Queue load now: at least {@code minWaiting} calls waiting and/or the longest waiting this long. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoadCondition(String queue, Integer minWaiting, Integer minLongestWaitSeconds) {
    }
}
