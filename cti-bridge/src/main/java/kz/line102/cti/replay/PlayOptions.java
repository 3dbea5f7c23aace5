package kz.line102.cti.replay;

import java.util.Arrays;
import java.util.List;

/**
 * How to play an instance.
 *
 * @param pace          1.0 real time, 10 ten times faster, 0 as fast as possible
 * @param callerNumbers fixed caller numbers in order of appearance; empty for fresh ones
 */
public record PlayOptions(double pace, List<String> callerNumbers) {

    public PlayOptions {
        if (pace < 0 || Double.isNaN(pace) || Double.isInfinite(pace)) {
            throw new IllegalArgumentException("pace must be >= 0 (0 = as fast as possible): " + pace);
        }
        callerNumbers = List.copyOf(callerNumbers);
    }

    public static PlayOptions realTime() {
        return new PlayOptions(1.0, List.of());
    }

    public static PlayOptions fast() {
        return new PlayOptions(0, List.of());
    }

    public static PlayOptions paced(double pace) {
        return new PlayOptions(pace, List.of());
    }

    public PlayOptions withCallers(String... numbers) {
        return new PlayOptions(pace, Arrays.asList(numbers));
    }
}
