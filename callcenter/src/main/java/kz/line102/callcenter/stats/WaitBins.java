package kz.line102.callcenter.stats;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The wait bands the history keeps per interval: one per second from 0 to 60 s, then
 * 61–90, 91–120, 121–180, 181–300, 301–600 and over 600 s. Sums of bands are exact, so a
 * service level or a short-abandon count for a threshold that is a band edge is exact
 * for any period; a percentile is reported as the upper edge of its band (over 60 s).
 */
public final class WaitBins {

    /** The highest wait (seconds, inclusive) of each band but the last, which is open. */
    static final int[] UPPER = IntStream.concat(IntStream.rangeClosed(0, 60), IntStream.of(90, 120, 180, 300, 600))
            .toArray();
    public static final int COUNT = UPPER.length + 1;

    private WaitBins() {
    }

    static int bin(int waitSeconds) {
        int w = Math.max(0, waitSeconds);
        if (w <= 60) {
            return w;
        }
        for (int i = 61; i < UPPER.length; i++) {
            if (w <= UPPER[i]) {
                return i;
            }
        }
        return UPPER.length;
    }

    /** Whether a threshold (answered within T, abandoned under S) can be read exactly from the bands. */
    public static boolean isEdge(int seconds) {
        return Arrays.stream(UPPER).anyMatch(u -> u == seconds);
    }

    public static List<Integer> edges() {
        return Arrays.stream(UPPER).boxed().toList();
    }

    /** The band's upper edge; the open band reports its lower edge + 1 (over 600 s). */
    static int upper(int bin) {
        return bin < UPPER.length ? UPPER[bin] : UPPER[UPPER.length - 1] + 1;
    }

    /** Calls in bands whose waits are all at most {@code seconds} (an edge). */
    static long atMost(long[] bins, int seconds) {
        long n = 0;
        for (int i = 0; i < UPPER.length && UPPER[i] <= seconds; i++) {
            n += bins[i];
        }
        return n;
    }

    /** Nearest-rank percentile (0 < p ≤ 100) as the upper edge of its band; null when empty. */
    static Integer percentile(long[] bins, double p) {
        long total = Arrays.stream(bins).sum();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int i = 0; i < bins.length; i++) {
            seen += bins[i];
            if (seen >= rank) {
                return upper(i);
            }
        }
        return upper(bins.length - 1);
    }
}
