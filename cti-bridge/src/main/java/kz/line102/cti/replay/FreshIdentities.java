package kz.line102.cti.replay;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the fresh values of one replay instance. Counters are per JVM, so two
 * servers in one test JVM never hand out the same Uniqueid, channel or number.
 */
final class FreshIdentities {

    private static final AtomicLong UNIQUEID_SEQ = new AtomicLong();
    private static final AtomicLong CHANNEL_SEQ = new AtomicLong();
    /** Starts at a random point so numbers differ between runs as well as between calls. */
    private static final AtomicLong CALLER_SEQ = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L));
    private static final int CALLER_KEPT_PREFIX = 5;

    private FreshIdentities() {
    }

    /**
     * @param startEpochMicros where the scenario's first event lands on the replay's clock
     * @param callerOverrides  fixed caller numbers, in order of appearance; null entries mean fresh
     * @param operators        captured operator extension to the one this play rings instead
     */
    static byte[][] make(List<VariableSpec> specs, long startEpochMicros, List<String> callerOverrides,
                         Map<String, String> operators) {
        byte[][] values = new byte[specs.size()][];
        int callerIndex = 0;
        for (int i = 0; i < values.length; i++) {
            VariableSpec spec = specs.get(i);
            String fresh = switch (spec.kind()) {
                case UNIQUEID -> (startEpochMicros + spec.offsetMicros()) / 1_000_000L + "." + UNIQUEID_SEQ.getAndIncrement();
                case CHANNEL -> channel(spec.original());
                case UUID -> uuid();
                case CALLER -> {
                    String fixed = callerIndex < callerOverrides.size() ? callerOverrides.get(callerIndex) : null;
                    callerIndex++;
                    yield fixed != null ? fixed : caller(spec.original());
                }
                case OPERATOR -> operators.getOrDefault(spec.original(), spec.original());
                case CDR_TIME -> format(TokenFinder.CDR_FORMAT, startEpochMicros + spec.offsetMicros());
                case FILE_TIME -> format(TokenFinder.FILE_FORMAT, startEpochMicros + spec.offsetMicros());
                case ISO_TIME -> format(TokenFinder.ISO_FORMAT, startEpochMicros + spec.offsetMicros());
                case EPOCH_MICROS -> epochMicros(startEpochMicros + spec.offsetMicros());
                case EPOCH_SECONDS -> Long.toString((startEpochMicros + spec.offsetMicros()) / 1_000_000L);
            };
            values[i] = EventTemplate.latin1(fresh);
        }
        return values;
    }

    private static String channel(String original) {
        int dash = original.lastIndexOf('-');
        String hex = Long.toHexString(CHANNEL_SEQ.getAndIncrement() & 0xffffffffL);
        return original.substring(0, dash + 1) + "00000000".substring(hex.length()) + hex;
    }

    /** Same length, same leading digits (country and operator or city code), fresh subscriber part. */
    private static String caller(String original) {
        int digits = original.length() - CALLER_KEPT_PREFIX;
        long modulus = (long) Math.pow(10, digits);
        String tail = Long.toString(Math.floorMod(CALLER_SEQ.getAndIncrement(), modulus));
        return original.substring(0, CALLER_KEPT_PREFIX) + "0".repeat(digits - tail.length()) + tail;
    }

    private static String uuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xf000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private static String format(DateTimeFormatter f, long epochMicros) {
        return f.format(Instant.ofEpochSecond(0, epochMicros * 1000L).atOffset(ZoneOffset.UTC));
    }

    private static String epochMicros(long micros) {
        ByteSink s = new ByteSink(24);
        s.putEpochMicros(micros);
        return s.toLatin1String();
    }
}
