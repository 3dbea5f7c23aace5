package kz.line102.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * An hour (or any length) of 8 kHz 16-bit mono speech-band audio, as a PBX would record
 * it. With Debian's espeak-ng and sox installed: synthesised Russian speech, band-limited
 * to 300–3400 Hz, repeated to length. Without them: a synthetic voice (a pulse train with
 * moving formants, syllables and pauses) so the benchmark still runs anywhere.
 */
final class SpeechAudio {

    static final int RATE = 8000;

    private static final String TEXT = """
            Дежурная часть, слушаю вас. Что случилось? Назовите, пожалуйста, адрес.
            Улица Абая, дом сорок два, квартира семнадцать, третий подъезд, пятый этаж.
            Соседи шумят уже третий час, слышны крики, кажется, там драка.
            Кто-нибудь пострадал? Вы видели оружие? Сколько человек в квартире?
            Я не знаю точно, наверное, трое или четверо. Женщина кричит и просит о помощи.
            Оставайтесь на линии. Наряд полиции уже направлен, он будет через десять минут.
            Не открывайте дверь посторонним. Как вас зовут и по какому номеру с вами связаться?
            Меня зовут Айгерим, мой номер восемь семьсот один, два три четыре, пять шесть семь восемь.
            Хорошо, Айгерим. Ваше обращение зарегистрировано в книге учёта информации.
            Если ситуация изменится, сразу звоните сто два. Спасибо, до свидания.
            """;

    private SpeechAudio() {
    }

    /** Writes {@code seconds} of audio to {@code wav}; returns how it was made. */
    static String write(Path wav, int seconds, Path scratch) throws IOException, InterruptedException {
        short[] loop = null;
        String how;
        if (onPath("espeak-ng") && onPath("sox")) {
            loop = spoken(scratch);
        }
        if (loop != null && loop.length > RATE) {
            how = "espeak-ng+sox";
        } else {
            loop = synthetic(120);
            how = "synthetic";
        }
        long frames = (long) seconds * RATE;
        try (OutputStream out = Files.newOutputStream(wav)) {
            out.write(header(frames));
            ByteBuffer buf = ByteBuffer.allocate(loop.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            buf.asShortBuffer().put(loop);
            byte[] bytes = buf.array();
            for (long left = frames * 2; left > 0; left -= bytes.length) {
                out.write(bytes, 0, (int) Math.min(bytes.length, left));
            }
        }
        return how;
    }

    /** A few minutes of Russian speech in three voices, band-limited, as 8 kHz samples. */
    private static short[] spoken(Path scratch) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path text = Files.writeString(scratch.resolve("speech.txt"), TEXT);
        List<short[]> parts = new ArrayList<>();
        int[][] voices = {{150, 40}, {170, 60}, {135, 30}}; // words per minute, pitch
        for (int i = 0; i < voices.length; i++) {
            Path raw = scratch.resolve("speech-" + i + ".wav");
            Path band = scratch.resolve("speech-" + i + "-8k.raw");
            if (run("espeak-ng", "-v", "ru", "-s", "" + voices[i][0], "-p", "" + voices[i][1], "-w", raw.toString(),
                    "-f", text.toString()) != 0
                    || run("sox", raw.toString(), "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t",
                    "raw", band.toString(), "sinc", "300-3400", "pad", "0", "0.8") != 0) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(band)).order(ByteOrder.LITTLE_ENDIAN);
            short[] s = new short[b.remaining() / 2];
            b.asShortBuffer().get(s);
            parts.add(s);
        }
        int n = parts.stream().mapToInt(p -> p.length).sum();
        short[] all = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /** A voice-like signal: pulses at a wandering pitch through moving formants, in syllables and pauses. */
    static short[] synthetic(int seconds) {
        Random rnd = new Random(102);
        short[] out = new short[seconds * RATE];
        double phase = 0;
        double[] y1 = new double[3];
        double[] y2 = new double[3];
        double[] f = {500, 1500, 2500};
        int syllable = 0;
        double env = 0;
        boolean voiced = true;
        double f0 = 140;
        for (int i = 0; i < out.length; i++) {
            if (--syllable <= 0) {
                syllable = RATE * (120 + rnd.nextInt(180)) / 1000;
                voiced = rnd.nextDouble() > 0.3;
                f0 = 100 + rnd.nextDouble() * 120;
                f[0] = 300 + rnd.nextDouble() * 500;
                f[1] = 900 + rnd.nextDouble() * 1300;
                f[2] = 2200 + rnd.nextDouble() * 900;
            }
            env += ((voiced ? 1 : 0) - env) * 0.002;
            phase += f0 / RATE;
            double x = rnd.nextGaussian() * 0.02;
            if (phase >= 1) {
                phase -= 1;
                x += 1;
            }
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                double r = 0.97;
                double c = 2 * r * Math.cos(2 * Math.PI * f[k] / RATE);
                double y = x + c * y1[k] - r * r * y2[k];
                y2[k] = y1[k];
                y1[k] = y;
                sum += y / (k + 1);
            }
            out[i] = (short) Math.max(-32000, Math.min(32000, sum * env * 900 + rnd.nextGaussian() * 30));
        }
        return out;
    }

    static byte[] header(long frames) {
        long data = frames * 2;
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x46464952).putInt((int) (36 + data)).putInt(0x45564157);
        h.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        h.putInt(0x61746164).putInt((int) data);
        return h.array();
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static int run(String... command) throws IOException, InterruptedException {
        return run(new String[0], command);
    }

    static int run(String[] prefix, String... command) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(prefix));
        all.addAll(List.of(command));
        Process p = new ProcessBuilder(all).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
