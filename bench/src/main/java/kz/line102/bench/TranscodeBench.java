package kz.line102.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.RecorderProperties;
import kz.line102.recorder.Recording;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.ingest.IngestJob;

/**
 * {@code bench/run transcode}: one hour of 8 kHz speech-band audio through the recorder's
 * whole ingest (spool → WAV check → Opus encode → decode-back → SHA-256 → archive copy →
 * index in PostgreSQL → source deleted), on one thread, after a short warm-up. Then
 * Debian's {@code ffmpeg} (when installed) encodes the same file with the same settings
 * on one thread, for comparison.
 *
 * <p>Prints the details, then as its last line
 * {@code transcode audio_s=… wall_s=… realtime_x=… mb_per_hour=… ratio_vs_ffmpeg_cli=…}:
 * wall time of the whole ingest, audio seconds per wall second, archive megabytes
 * (10^6 bytes) per hour of audio, and ingest wall time over the CLI's encode wall time.
 *
 * <p>Properties: {@code bench.audio-seconds} (3600), {@code bench.dir}
 * (bench/target/transcode), {@code bench.db.host}/{@code port}/{@code user}
 * (127.0.0.1, 5432, postgres). Uses its own database {@code line102_transcode_bench},
 * created empty and dropped at the end.
 */
public final class TranscodeBench {

    private static final String DB = "line102_transcode_bench";

    private TranscodeBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.audio-seconds", 3600);
        Path dir = Path.of(System.getProperty("bench.dir", "bench/target/transcode")).toAbsolutePath();
        String host = System.getProperty("bench.db.host", "127.0.0.1");
        int port = Integer.getInteger("bench.db.port", 5432);
        String user = System.getProperty("bench.db.user", "postgres");
        deleteTree(dir);
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path input = dir.resolve("input.wav");

        long t = System.nanoTime();
        String how = SpeechAudio.write(input, seconds, dir.resolve("speech"));
        System.out.printf(Locale.ROOT, "transcode: %d s of 8 kHz speech (%s, %.1f MB WAV) made in %.1f s%n", seconds,
                how, Files.size(input) / 1e6, (System.nanoTime() - t) / 1e9);

        admin(host, port, user, "drop database if exists " + DB + " with (force)");
        admin(host, port, user, "create database " + DB);
        try {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl("jdbc:postgresql://" + host + ":" + port + "/" + DB);
            ds.setUser(user);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            RecorderProperties props = RecorderProperties.defaults(dir.resolve("archive"), spool);
            Result ours;
            try (RecordingService service = new RecordingService(props, ds, Clock.systemUTC(), new SimpleMeterRegistry())) {
                warmUp(service, spool);
                ours = ingest(service, input, spool.resolve("102-bench-hour.wav"), dir.resolve("archive"));
            }
            double cli = ffmpegCli(input, dir.resolve("ffmpeg-cli.opus"), props.transcode());

            double mbPerHour = ours.bytes / 1e6 * 3600.0 / seconds;
            System.out.printf(Locale.ROOT, "transcode: recorder ingest wall %.2f s, cpu %.2f s (%.0fx realtime per core),"
                    + " archive file %d bytes, decoded %s%n", ours.wall, ours.cpu, seconds / ours.cpu, ours.bytes,
                    ours.duration);
            String ratio = "n/a";
            if (cli > 0) {
                long cliBytes = Files.size(dir.resolve("ffmpeg-cli.opus"));
                System.out.printf(Locale.ROOT, "transcode: ffmpeg CLI (Debian, -threads 1, same bit rate and"
                        + " complexity %d) encode wall %.2f s (%.0fx realtime), %d bytes%n",
                        props.transcode().complexity(), cli, seconds / cli, cliBytes);
                ratio = String.format(Locale.ROOT, "%.2f", ours.wall / cli);
            } else {
                System.out.println("transcode: no ffmpeg on the PATH (apt-get install -y ffmpeg); no comparison");
            }
            System.out.printf(Locale.ROOT, "transcode audio_s=%d wall_s=%.2f realtime_x=%.1f mb_per_hour=%.2f"
                    + " ratio_vs_ffmpeg_cli=%s%n", seconds, ours.wall, seconds / ours.wall, mbPerHour, ratio);
        } finally {
            admin(host, port, user, "drop database if exists " + DB + " with (force)");
        }
    }

    private record Result(double wall, double cpu, long bytes, java.time.Duration duration) {
    }

    /** Ingests the file on this thread, measuring wall and this thread's CPU (JavaCV's native code runs on it). */
    private static Result ingest(RecordingService service, Path input, Path spooled, Path archive) throws IOException {
        Files.copy(input, spooled);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        IngestJob job = service.ingest(IngestRequest.of("bench-hour", spooled.toString(), Instant.now(), null, null));
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        Recording r = service.find(job.id()).orElseThrow(() -> new IllegalStateException(
                "ingest did not archive the hour: " + job.state() + " " + job.errorCode() + " " + job.errorDetail()));
        if (Files.exists(spooled) || !Files.exists(archive.resolve(r.path()))) {
            throw new IllegalStateException("ingest left the source or lost the copy");
        }
        return new Result(wall, cpu, r.sizeBytes(), r.duration());
    }

    /** Loads FFmpeg's natives and lets the JIT see the pipeline once, on 30 s of audio. */
    private static void warmUp(RecordingService service, Path spool) throws IOException {
        Path warm = spool.resolve("102-bench-warmup.wav");
        short[] samples = SpeechAudio.synthetic(30);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(samples.length * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(samples);
        byte[] header = SpeechAudio.header(samples.length);
        byte[] all = new byte[header.length + b.capacity()];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(b.array(), 0, all, header.length, b.capacity());
        Files.write(warm, all);
        service.ingest(IngestRequest.of("bench-warmup", warm.toString(), Instant.now(), null, null));
    }

    /** Debian's ffmpeg doing the same encode on one thread; its wall seconds, or -1 when not installed. */
    private static double ffmpegCli(Path input, Path output, RecorderProperties.Transcode config) throws IOException, InterruptedException {
        if (!SpeechAudio.onPath("ffmpeg")) {
            return -1;
        }
        // GNU time, when there, adds the CLI's CPU seconds: on a busy machine they compare
        // better than wall times.
        Path times = output.resolveSibling("ffmpeg-cli.time");
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        String[] prefix = timed ? new String[] {"/usr/bin/time", "-f", "%U %S", "-o", times.toString()} : new String[0];
        long t0 = System.nanoTime();
        int rc = SpeechAudio.run(prefix, "ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-threads", "1", "-i",
                input.toString(), "-ac", "1", "-ar", "8000", "-c:a", "libopus", "-b:a", "" + config.bitrate(),
                "-application", "voip", "-compression_level", "" + config.complexity(), output.toString());
        double wall = (System.nanoTime() - t0) / 1e9;
        if (rc == 0 && timed) {
            String[] cpu = Files.readString(times).trim().split("\\s+");
            double seconds = Double.parseDouble(cpu[cpu.length - 2]) + Double.parseDouble(cpu[cpu.length - 1]);
            System.out.printf(Locale.ROOT, "transcode: ffmpeg CLI cpu %.2f s%n", seconds);
        }
        return rc == 0 ? wall : -1;
    }

    private static void admin(String host, int port, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
