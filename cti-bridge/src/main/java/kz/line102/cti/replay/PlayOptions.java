package kz.line102.cti.replay;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How to play an instance.
 *
 * @param pace          1.0 real time, 10 ten times faster, 0 as fast as possible
 * @param callerNumbers fixed caller numbers in order of appearance; empty for fresh ones
 * @param operators     the captured operators' extensions ({@code 1001}, {@code 1002}) mapped to
 *                      the ones this play rings instead; unmapped ones ring as captured
 */
public record PlayOptions(double pace, List<String> callerNumbers, Map<String, String> operators) {

    public PlayOptions {
        if (pace < 0 || Double.isNaN(pace) || Double.isInfinite(pace)) {
            throw new IllegalArgumentException("pace must be >= 0 (0 = as fast as possible): " + pace);
        }
        callerNumbers = List.copyOf(callerNumbers);
        operators = Map.copyOf(operators);
    }

    public PlayOptions(double pace, List<String> callerNumbers) {
        this(pace, callerNumbers, Map.of());
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
        return new PlayOptions(pace, Arrays.asList(numbers), operators);
    }

    /** Rings other phones than the capture did, e.g. {@code {1001=3001, 1002=3002}}. */
    public PlayOptions withOperators(Map<String, String> mapping) {
        return new PlayOptions(pace, callerNumbers, mapping);
    }
}
