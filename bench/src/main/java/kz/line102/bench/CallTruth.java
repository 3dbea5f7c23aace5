package kz.line102.bench;

import java.util.Objects;
import java.util.Set;

/**
 * What really happened to one replayed call, from the events the replay played (whether
 * or not anyone was connected to see them): the fields a call record must show, computed
 * the way the record defines them when every event is observed.
 */
final class CallTruth {

    /** Hang-up causes of a caller who simply gave up (as the call record counts them). */
    private static final Set<Integer> NORMAL_CAUSES = Set.of(0, 16, 17, 18, 19, 21, 31);

    final String linkedid;
    final String scenario;
    long offeredMicros = -1;
    String number;
    String channel;
    String exten;
    String queue;
    private long queuedMicros = -1;
    private long leftMicros = -1;
    private long answeredMicros = -1;
    private long endedMicros = -1;
    private String operator;
    private int hold = -1;
    private int talk = -1;
    private boolean abandoned;
    private int cause;

    CallTruth(String linkedid, String scenario) {
        this.linkedid = linkedid;
        this.scenario = scenario;
    }

    void offered(long micros, String number, String channel, String exten) {
        this.offeredMicros = micros;
        this.number = number;
        this.channel = channel;
        this.exten = exten;
    }

    void queued(long micros, String queue) {
        if (this.queue == null) {
            this.queue = queue;
            this.queuedMicros = micros;
        }
    }

    void leftQueue(long micros) {
        if (leftMicros < 0) {
            leftMicros = micros;
        }
    }

    void answered(long micros, String iface, int holdSeconds) {
        answeredMicros = micros;
        operator = endpoint(iface);
        hold = holdSeconds;
    }

    void completed(int talkSeconds) {
        talk = talkSeconds;
    }

    void abandoned(long micros, int holdSeconds) {
        abandoned = true;
        hold = holdSeconds;
    }

    void ended(long micros, int cause) {
        endedMicros = micros;
        this.cause = cause;
    }

    boolean isCall() {
        return offeredMicros >= 0;
    }

    boolean isEnded() {
        return endedMicros >= 0;
    }

    String outcome() {
        if (answeredMicros >= 0) {
            return "answered";
        }
        if (abandoned) {
            return "abandoned";
        }
        if (queue != null && leftMicros >= 0) {
            return "timed-out";
        }
        return NORMAL_CAUSES.contains(cause) ? "abandoned" : "failed";
    }

    String operator() {
        return operator;
    }

    Integer waitSeconds() {
        if (hold >= 0) {
            return hold;
        }
        if (queue != null) {
            return seconds(queuedMicros, leftMicros >= 0 ? leftMicros : endedMicros);
        }
        return null;
    }

    Integer talkSeconds() {
        if (talk >= 0) {
            return talk;
        }
        if (answeredMicros >= 0) {
            return seconds(answeredMicros, endedMicros);
        }
        return 0;
    }

    /**
     * What differs between this truth and a record (outcome, queue, operator exactly; wait
     * and talk within 1 s), or null when nothing does.
     */
    String differences(String outcome, String queue, String operator, Integer wait, Integer talk) {
        StringBuilder d = new StringBuilder();
        if (!Objects.equals(outcome(), outcome)) {
            d.append(" outcome ").append(outcome()).append("/").append(outcome);
        }
        if (!Objects.equals(this.queue, queue)) {
            d.append(" queue ").append(this.queue).append("/").append(queue);
        }
        if (!Objects.equals(this.operator, operator)) {
            d.append(" operator ").append(this.operator).append("/").append(operator);
        }
        if (!within(waitSeconds(), wait)) {
            d.append(" wait ").append(waitSeconds()).append("/").append(wait);
        }
        if (!within(talkSeconds(), talk)) {
            d.append(" talk ").append(talkSeconds()).append("/").append(talk);
        }
        return d.isEmpty() ? null : d.toString().trim();
    }

    private static boolean within(Integer truth, Integer got) {
        if (truth == null || got == null) {
            return Objects.equals(truth, got);
        }
        return Math.abs(truth - got) <= 1;
    }

    private static int seconds(long fromMicros, long toMicros) {
        return (int) Math.max(0, Math.round((toMicros - fromMicros) / 1_000_000.0));
    }

    /** {@code PJSIP/1001} or {@code PJSIP/1001-00000001} → {@code 1001}. */
    static String endpoint(String iface) {
        if (iface == null) {
            return null;
        }
        String s = iface.substring(iface.indexOf('/') + 1);
        int at = s.indexOf('@');
        int dash = s.lastIndexOf('-');
        return s.substring(0, at > 0 ? at : dash > 0 ? dash : s.length());
    }
}
