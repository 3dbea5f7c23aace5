package kz.line102.callcenter.cti;

import java.util.Random;

/**
 * Speech-band audio that sounds like two people talking in turn, made once at start-up
 * for the demo's recordings: a glottal pulse train with a wandering pitch through three
 * vowel formants, cut into syllables, words and turns, with hiss for the consonants.
 * Nothing is bundled (no voice of anyone), and the same seed gives the same sound.
 */
final class SpeechLikeAudio {

    static final int SAMPLE_RATE = 8000;

    /** Formants (F1, F2, F3 in Hz) of a, e, i, o, u. */
    private static final double[][] VOWELS = {
            {730, 1090, 2440}, {530, 1840, 2480}, {270, 2290, 3010}, {570, 840, 2410}, {300, 870, 2240}};

    private SpeechLikeAudio() {
    }

    /** {@code seconds} of 16-bit mono samples at 8 kHz: turns of a caller (higher voice) and an operator. */
    static short[] conversation(int seconds, long seed) {
        Random random = new Random(seed);
        short[] out = new short[seconds * SAMPLE_RATE];
        int at = 0;
        boolean caller = true;
        while (at < out.length) {
            double pitch = caller ? 210 : 120;
            int turn = (int) ((2.0 + random.nextDouble() * 3.0) * SAMPLE_RATE);
            at = turn(out, at, Math.min(out.length, at + turn), pitch, random);
            at += (int) ((0.3 + random.nextDouble() * 0.5) * SAMPLE_RATE); // the other one starts
            caller = !caller;
        }
        return out;
    }

    /** Words of syllables until {@code end}; returns where the turn stopped. */
    private static int turn(short[] out, int at, int end, double basePitch, Random random) {
        double phase = 0;
        while (at < end) {
            int syllables = 1 + random.nextInt(3);
            for (int s = 0; s < syllables && at < end; s++) {
                int length = (int) ((0.12 + random.nextDouble() * 0.14) * SAMPLE_RATE);
                double[] vowel = VOWELS[random.nextInt(VOWELS.length)];
                double pitch = basePitch * (0.85 + random.nextDouble() * 0.3);
                boolean hiss = random.nextInt(3) == 0;
                phase = syllable(out, at, Math.min(end, at + length), vowel, pitch, hiss, phase, random);
                at += length;
            }
            at += (int) ((0.05 + random.nextDouble() * 0.15) * SAMPLE_RATE); // between words
        }
        return at;
    }

    private static double syllable(short[] out, int from, int to, double[] formants, double pitch, boolean hiss,
                                   double phase, Random random) {
        Resonator[] tract = {new Resonator(formants[0], 90), new Resonator(formants[1], 110),
                new Resonator(formants[2], 170)};
        int length = to - from;
        int consonant = hiss ? length / 4 : 0;
        for (int i = 0; i < length && from + i < out.length; i++) {
            double t = (double) i / Math.max(1, length);
            double envelope = Math.sin(Math.PI * Math.min(1, t * 1.2)) * (1 - 0.3 * t);
            double sample;
            if (i < consonant) {
                sample = (random.nextDouble() * 2 - 1) * 0.15;
            } else {
                // Pitch falls a little through a syllable, as it does in speech.
                phase += pitch * (1 - 0.1 * t) / SAMPLE_RATE;
                double source = phase - Math.floor(phase) < 0.08 ? 1.0 : 0.0;
                sample = 0;
                for (Resonator r : tract) {
                    sample += r.next(source);
                }
                sample *= envelope * 0.25;
            }
            out[from + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample * 12000));
        }
        return phase;
    }

    /** A two-pole resonator at one formant. */
    private static final class Resonator {
        private final double a1;
        private final double a2;
        private final double gain;
        private double y1;
        private double y2;

        Resonator(double frequency, double bandwidth) {
            double r = Math.exp(-Math.PI * bandwidth / SAMPLE_RATE);
            a1 = 2 * r * Math.cos(2 * Math.PI * frequency / SAMPLE_RATE);
            a2 = -r * r;
            gain = 1 - r;
        }

        double next(double x) {
            double y = gain * x + a1 * y1 + a2 * y2;
            y2 = y1;
            y1 = y;
            return y;
        }
    }
}
