package kz.line102.recorder.ingest;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.recorder.CallResolver;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.RecorderProperties;

/**
 * Finds recordings that no event announced: the PBX's files (spool or ARI) that have not
 * changed for the sweep's minimum age and have no ingest job. That happens when the
 * application died during calls (their {@code RecordingFinished} never came), or a call
 * was rebuilt from the PBX's logs. Each is matched to its call through the uniqueid in
 * its name and ingested; one that matches no call is ingested as an orphan under the id
 * its call would have, logged and counted, and visible in the archive as such.
 *
 * <p>Several nodes may sweep one spool: a file is claimed by inserting its job, keyed by
 * the file's name, only if none exists, so one insert wins and the others skip it.
 */
public final class OrphanSweeper {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);
    /** The dialplan's name: {@code 102-<yyyyMMdd>-<HHmmss>-<UNIQUEID>.wav}, the time in UTC. */
    private static final Pattern DIALPLAN_NAME = Pattern.compile("^.*?-(\\d{8})-(\\d{6})-(.+)$");
    private static final Pattern UNIQUEID = Pattern.compile("(?:^|-)([^-]*\\d+\\.\\d+)$");
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final RecorderProperties.Ingest config;
    private final RecordingSource source;
    private final JdbcIngestJobRepository jobs;
    private final CallResolver calls;
    private final Function<IngestRequest, String> retentionClass;
    private final Consumer<UUID> start;
    private final Clock clock;
    private final MeterRegistry meters;
    /** When this node first saw a listed file whose source gives no modification time (ARI). */
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

    public OrphanSweeper(RecorderProperties.Ingest config, RecordingSource source, JdbcIngestJobRepository jobs,
                         CallResolver calls, Function<IngestRequest, String> retentionClass, Consumer<UUID> start,
                         Clock clock, MeterRegistry meters) {
        this.config = config;
        this.source = source;
        this.jobs = jobs;
        this.calls = calls;
        this.retentionClass = retentionClass;
        this.start = start;
        this.clock = clock;
        this.meters = meters;
    }

    /** One pass; returns how many files it claimed (each now has its job and is being ingested). */
    public int sweep() throws IOException {
        Instant now = clock.instant();
        Instant settled = now.minus(config.orphanSweep().minAge());
        List<RecordingSource.Listed> due = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (RecordingSource.Listed f : source.list()) {
            listed.add(f.sourceName());
            Instant changed = f.modifiedAt() != null ? f.modifiedAt() : firstSeen.computeIfAbsent(f.sourceName(), k -> now);
            if (!changed.isAfter(settled)) {
                due.add(f);
            }
        }
        firstSeen.keySet().retainAll(listed);
        Set<String> known = jobs.knownKeys(due.stream().map(f -> JdbcIngestJobRepository.sourceKey(f.sourceName()))
                .toList());
        int claimed = 0;
        for (RecordingSource.Listed f : due) {
            if (known.contains(JdbcIngestJobRepository.sourceKey(f.sourceName()))) {
                continue;
            }
            IngestRequest request = request(f, now);
            Optional<IngestJob> job = jobs.insertIfAbsent(request, retentionClass.apply(request), now);
            if (job.isEmpty()) {
                continue; // another node or the call's own event claimed it meanwhile
            }
            claimed++;
            if (request.orphan()) {
                log.warn("callId={} recording {} was announced by no event and matches no call: archived as an"
                        + " orphan", request.callId(), f.sourceName());
                meters.counter("line102.recorder.sweep.claimed", "matched", "false").increment();
            } else {
                log.info("callId={} recording {} was announced by no event: matched to its call and ingested",
                        request.callId(), f.sourceName());
                meters.counter("line102.recorder.sweep.claimed", "matched", "true").increment();
            }
            start.accept(job.get().id());
        }
        if (claimed > 0) {
            log.info("orphan sweep claimed {} recording(s) of {} in the source", claimed, listed.size());
        }
        return claimed;
    }

    private IngestRequest request(RecordingSource.Listed f, Instant now) {
        String name = JdbcIngestJobRepository.sourceKey(f.sourceName());
        String stem = stripExtension(name);
        Instant nameTime = null;
        String uniqueId = null;
        Matcher m = DIALPLAN_NAME.matcher(stem);
        if (m.matches()) {
            nameTime = parseTime(m.group(1) + m.group(2));
            uniqueId = m.group(3);
        } else {
            Matcher u = UNIQUEID.matcher(stem);
            uniqueId = u.find() ? u.group(1) : null;
        }
        Instant fallback = nameTime != null ? nameTime : f.modifiedAt() != null ? f.modifiedAt() : now;
        Optional<CallResolver.Call> call = uniqueId == null ? Optional.empty() : calls.find(uniqueId);
        if (call.isPresent()) {
            CallResolver.Call c = call.get();
            return new IngestRequest(c.callId(), f.sourceName(), c.callAt() != null ? c.callAt() : fallback,
                    c.callerNumber(), c.operator(), null, false);
        }
        return new IngestRequest(calls.orphanCallId(name, uniqueId), f.sourceName(), fallback, null, null, null, true);
    }

    /** The name without its audio extension ({@code .wav}, {@code .WAV}, {@code .gsm}...): the uniqueid ends in a dot and digits. */
    static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.substring(dot + 1).matches("[A-Za-z][A-Za-z0-9]*")) {
            return name.substring(0, dot);
        }
        return name;
    }

    private static Instant parseTime(String digits) {
        try {
            return LocalDateTime.parse(digits, NAME_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
