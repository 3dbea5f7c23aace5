package kz.line102.callcenter.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain's head anchored outside the database: a signed checkpoint file, written daily
 * (and on demand) to {@code line102.audit.checkpoint-dir}, names the newest entry and its
 * hash, signed with the chain's key. Whoever owns the database can rewrite the table and
 * its head row; they cannot change these files unnoticed (the signature) nor make the
 * chain reach the anchored hash again (the entries' keyed hashes). Copy the directory off
 * the machine (backup, write-once storage) so the anchors also outlive the machine's root.
 */
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final String PREFIX = "audit-head-";

    private final JdbcTemplate jdbc;
    private final byte[] key;
    private final Path dir;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditCheckpoints(JdbcTemplate jdbc, AuditProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.key = props.hmacKey().getBytes(StandardCharsets.UTF_8);
        this.dir = props.checkpointDir();
        this.clock = clock;
    }

    /** One anchored head, as written in its file. */
    public record Checkpoint(LocalDate date, long lastId, String lastHash, Instant writtenAt, String signature) {
    }

    /** What {@link #check} found: {@code brokenAt} the first anchored entry the chain no longer holds. */
    public record Check(int checked, Long brokenAt, String problem) {
    }

    @Scheduled(cron = "${line102.audit.checkpoint-cron}")
    void daily() {
        try {
            write();
        } catch (RuntimeException e) {
            // Tomorrow's checkpoint anchors today's entries too; say loudly that one is missing.
            log.error("audit checkpoint not written to {}: {}", dir, e.toString());
        }
    }

    /** Writes the checkpoint of the head as it is now; empty when the chain is empty. */
    public Optional<Path> write() {
        var head = jdbc.query("select id, hash from audit_log order by id desc limit 1",
                rs -> rs.next() ? new Object[] {rs.getLong(1), rs.getString(2)} : null);
        if (head == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long id = (Long) head[0];
        String hash = (String) head[1];
        Checkpoint c = new Checkpoint(LocalDate.ofInstant(now, ZoneOffset.UTC), id, hash, now,
                sign(id, hash, now));
        Path file = dir.resolve(PREFIX + c.date() + "-" + id + ".json");
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                return Optional.of(file);
            }
            Path tmp = Files.createTempFile(dir, ".checkpoint", ".tmp");
            Files.writeString(tmp, json.writeValueAsString(c));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("audit checkpoint " + file + " not written: " + e.getMessage(), e);
        }
        log.info("audit chain head anchored: entry {} {} in {}", id, hash, file);
        return Optional.of(file);
    }

    /**
     * Checks every checkpoint file: its signature, and that the chain still has the anchored
     * entry with the anchored hash ({@code hashAt}: the stored hash of an entry, null when none).
     */
    public Check check(LongFunction<String> hashAt) {
        List<Path> files;
        if (!Files.isDirectory(dir)) {
            return new Check(0, null, null);
        }
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith(PREFIX)).sorted().toList();
        } catch (IOException e) {
            return new Check(0, null, "the checkpoint directory " + dir + " cannot be read: " + e.getMessage());
        }
        int checked = 0;
        for (Path file : files) {
            Checkpoint c;
            try {
                c = json.readValue(Files.readString(file), Checkpoint.class);
            } catch (IOException | RuntimeException e) {
                return new Check(checked, null, "checkpoint " + file.getFileName() + " is unreadable: " + e.getMessage());
            }
            if (!MessageDigest.isEqual(sign(c.lastId(), c.lastHash(), c.writtenAt()).getBytes(StandardCharsets.UTF_8),
                    String.valueOf(c.signature()).getBytes(StandardCharsets.UTF_8))) {
                return new Check(checked, c.lastId(), "checkpoint " + file.getFileName()
                        + " does not carry the chain key's signature: forged or changed");
            }
            String stored = hashAt.apply(c.lastId());
            if (stored == null) {
                return new Check(checked, c.lastId(), "entry " + c.lastId() + " anchored on " + c.date()
                        + " is missing from the log");
            }
            if (!stored.equals(c.lastHash())) {
                return new Check(checked, c.lastId(), "entry " + c.lastId() + " differs from the head anchored on "
                        + c.date() + ": the log was rewritten");
            }
            checked++;
        }
        return checkReports(checked, hashAt);
    }

    /**
     * The heads the signed daily reports carry: the printed or exported report is the anchor
     * outside; the copy in the database is checked here so a rewrite shows without the paper.
     */
    private Check checkReports(int checked, LongFunction<String> hashAt) {
        List<String[]> heads = jdbc.query("select watch_day::text, snapshot::jsonb ->> 'auditHead' from report_signoffs"
                + " where snapshot::jsonb ->> 'auditHead' is not null order by watch_day",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
        for (String[] h : heads) {
            String[] idHash = h[1].split(":", 2);
            long id = Long.parseLong(idHash[0]);
            if (id == 0) {
                checked++;
                continue;
            }
            String stored = hashAt.apply(id);
            if (!idHash[1].equals(stored)) {
                return new Check(checked, id, "entry " + id + " anchored by the signed report of watch " + h[0]
                        + (stored == null ? " is missing from the log" : " differs from it: the log was rewritten"));
            }
            checked++;
        }
        return new Check(checked, null, null);
    }

    private String sign(long id, String hash, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("line102-audit-checkpoint\n" + id + "\n" + hash + "\n" + at)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE has HmacSHA256", e);
        }
    }
}
