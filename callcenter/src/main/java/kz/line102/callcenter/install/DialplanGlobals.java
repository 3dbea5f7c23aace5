package kz.line102.callcenter.install;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import kz.line102.cti.agi.AgiProperties;
import kz.line102.recorder.RecorderProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.NestedExceptionUtils;

/**
 * The values Asterisk's dialplan must share with this application, as the lines of the
 * {@code [globals]} section that {@code conf/asterisk/extensions.conf} includes
 * ({@code #include line102-globals.conf}). Rendered from the application's configuration,
 * so each value is written once: a recording directory the recorder does not read, a
 * FastAGI port nobody listens on or a default queue the routing service never answers
 * would each fail silently on the PBX (jobs ending as {@code missing}, every call on the
 * dialplan's default). {@code conf/asterisk/line102-globals.conf} is this rendering of
 * {@code conf/cti-bridge.yml} and {@code conf/recorder.yml} (AsteriskSamplesTest).
 *
 * @param recordingDir     where MixMonitor writes (the PBX's path)
 * @param recordingDirFrom which setting it comes from, for the file's comment
 * @param agiUrl           the routing service's FastAGI URL
 * @param defaultQueue     the queue when the routing service does not answer
 * @param defaultPriority  the priority then
 */
public record DialplanGlobals(String recordingDir, String recordingDirFrom, String agiUrl, String defaultQueue,
                       int defaultPriority) {

    /** A path Asterisk takes literally: no spaces, no ${...}, no comment or separator characters. */
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9._/-]{0,1023}");
    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|[0-9A-Fa-f:.]{2,45}");
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

    /**
     * @param config       where {@code line102.cti.agi.*} and {@code line102.recorder.ingest.*} are bound from
     * @param boundAgiPort the port the routing service listens on when it runs in this process
     * @param agiHost      the address Asterisk reaches the routing service at; null for the bind address
     * @param recordingDir the PBX's path of the recording directory when it differs from the recorder's
     *                     (a spool directory mounted elsewhere here); null for the recorder's own
     * @throws GlobalsNotRenderableException when the configuration gives Asterisk nothing it could use
     * @throws IllegalArgumentException      when a given value is malformed
     */
    public static DialplanGlobals from(Binder config, OptionalInt boundAgiPort, String agiHost, String recordingDir) {
        AgiProperties agi;
        try {
            agi = config.bind("line102.cti.agi", AgiProperties.class)
                    .orElseThrow(() -> new GlobalsNotRenderableException("line102.cti.agi is not configured"));
        } catch (BindException e) {
            // The bridge's record refused a value; its message names the key and the value.
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            throw new GlobalsNotRenderableException(cause.getMessage());
        }
        RecorderProperties.Ingest ingest = config.bind("line102.recorder.ingest", RecorderProperties.Ingest.class)
                .orElseThrow(() -> new GlobalsNotRenderableException("line102.recorder.ingest is not configured"));
        return new DialplanGlobals(recordingDir(ingest, recordingDir), recordingDirFrom(ingest, recordingDir),
                agiUrl(agi, boundAgiPort.orElse(agi.port()), agiHost), queue(agi.defaultQueue()),
                agi.defaultPriority());
    }

    /**
     * Only the recording directory the dialplan's {@code RECDIR} must hold (the preflight compares
     * it with the PBX's).
     *
     * @throws GlobalsNotRenderableException as {@link #from}
     */
    public static String recordingDirOf(Binder config, String recordingDir) {
        RecorderProperties.Ingest ingest = config.bind("line102.recorder.ingest", RecorderProperties.Ingest.class)
                .orElseThrow(() -> new GlobalsNotRenderableException("line102.recorder.ingest is not configured"));
        return recordingDir(ingest, recordingDir);
    }

    /** The file Asterisk includes: comment lines and {@code NAME = value} lines, no section header. */
    String render() {
        return """
                ; Line 102: the values the dialplan shares with the backend, rendered by the backend
                ; from its configuration (GET /api/v1/admin/asterisk/line102-globals.conf). Put it in
                ; /etc/asterisk/ beside extensions.conf, whose [globals] includes it, then run
                ; "dialplan reload". To change a value, change the backend's configuration and render
                ; this file again: both sides then agree.

                ; MixMonitor writes every call's recording here:
                ; %s.
                RECDIR = %s
                ; The routing service (FastAGI): line102.cti.agi.bind-address, port and script.
                ROUTE_AGI = %s
                ; The queue and priority a call keeps when the routing service does not answer:
                ; line102.cti.agi.default-queue and default-priority, which the service itself
                ; answers when its rules fail or are late.
                ROUTE_DEFAULT_QUEUE = %s
                ROUTE_DEFAULT_PRIO = %d
                """.formatted(recordingDirFrom.replace("\n", "\n; "), recordingDir, agiUrl, defaultQueue,
                        defaultPriority);
    }

    private static String recordingDir(RecorderProperties.Ingest ingest, String given) {
        if (given != null) {
            String dir = plainPath(given, "recording-dir");
            if (ingest.source() == RecorderProperties.SourceKind.ARI) {
                String ari = ingest.ari().recordingDir().replaceAll("/+$", "");
                if (!dir.equals(ari) && !dir.startsWith(ari + "/")) {
                    throw new GlobalsNotRenderableException("recording-dir " + dir + " is outside Asterisk's recording "
                            + "directory " + ari + " (line102.recorder.ingest.ari.recording-dir): ARI serves no file "
                            + "outside it, so every recording would end as missing");
                }
            }
            return dir;
        }
        String dir = switch (ingest.source()) {
            case SPOOL -> ingest.spoolDir().toString();
            case ARI -> ingest.ari().recordingDir();
        };
        String key = ingest.source() == RecorderProperties.SourceKind.SPOOL
                ? "line102.recorder.ingest.spool-dir" : "line102.recorder.ingest.ari.recording-dir";
        if (!dir.startsWith("/")) {
            throw new GlobalsNotRenderableException(key + " is the relative path " + dir + ", which means nothing "
                    + "to Asterisk: set it to the absolute directory MixMonitor writes to (such as "
                    + "/var/spool/asterisk/monitor), or give the PBX's path as recording-dir");
        }
        if (!PLAIN_PATH.matcher(dir).matches()) {
            throw new GlobalsNotRenderableException(key + " (" + dir + ") holds characters the dialplan would not "
                    + "take literally: use letters, digits, '.', '_', '-' and '/' only");
        }
        return dir.length() > 1 ? dir.replaceAll("/+$", "") : dir;
    }

    private static String recordingDirFrom(RecorderProperties.Ingest ingest, String given) {
        if (given != null) {
            return ingest.source() == RecorderProperties.SourceKind.SPOOL
                    ? "the PBX's path of the directory the recorder reads at\n" + ingest.spoolDir()
                            + " (line102.recorder.ingest.spool-dir, source spool)"
                    : "under line102.recorder.ingest.ari.recording-dir, Asterisk's recording\n"
                            + "directory, the only one ARI serves files from (source ari)";
        }
        return ingest.source() == RecorderProperties.SourceKind.SPOOL
                ? "line102.recorder.ingest.spool-dir, where the recorder reads it (source spool)"
                : "line102.recorder.ingest.ari.recording-dir, Asterisk's recording directory,\n"
                        + "the only one ARI serves files from (source ari)";
    }

    private static String agiUrl(AgiProperties agi, int port, String given) {
        String host = given != null ? given : agi.bindAddress();
        if (given == null && WILDCARDS.contains(host)) {
            throw new GlobalsNotRenderableException("line102.cti.agi.bind-address is " + host + " (every address): "
                    + "give the address Asterisk reaches this node at as agi-host");
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("agi-host '" + host + "' is not a host name or an IP address");
        }
        if (port < 1 || port > 65535) {
            throw new GlobalsNotRenderableException("line102.cti.agi.port is " + port + " and the routing service "
                    + "does not run in this node: set the port Asterisk is to call");
        }
        String h = host.contains(":") ? "[" + host + "]" : host.toLowerCase(Locale.ROOT);
        return "agi://" + h + ":" + port + "/" + queue(agi.script());
    }

    private static String plainPath(String value, String name) {
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException(name + " must be an absolute path, not '" + value + "'");
        }
        if (!PLAIN_PATH.matcher(value).matches() || value.contains("/../") || value.endsWith("/..")) {
            throw new IllegalArgumentException(name + " may hold letters, digits, '.', '_', '-' and '/' only: '"
                    + value + "'");
        }
        return value.length() > 1 ? value.replaceAll("/+$", "") : value;
    }

    private static String queue(String name) {
        if (!QUEUE.matcher(name).matches()) {
            throw new GlobalsNotRenderableException("'" + name + "' (line102.cti.agi) is not a name the dialplan "
                    + "can carry: letters, digits, '.', '_' and '-' only");
        }
        return name;
    }
}
