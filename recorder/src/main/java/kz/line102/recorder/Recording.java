package kz.line102.recorder;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One archived recording: where its file is (relative to the archive root, named by its
 * content hash), what it is linked to, and the time its retention counts from.
 *
 * @param id             the recording's id (the id of the ingest job that produced it)
 * @param callId         the call it recorded
 * @param incidentId     the incident card the call became, or null until linked
 * @param callAt         the call's time as reported with the recording; retention counts from it
 * @param callerNumber   the caller's number as the network sent it, or null
 * @param operator       the operator who answered, or null
 * @param sourceName     the PBX file name it came from
 * @param path           the file, relative to the archive root
 * @param sha256         lower-case hex SHA-256 of the file
 * @param sizeBytes      the file's size
 * @param duration       the decoded audio's length
 * @param codec          what the file holds: {@code opus/ogg} for sound, or
 *                       {@code <video>+<audio>/<container>} for an interview's video
 *                       ({@code h264+aac/mp4}, {@code vp9+opus/webm})
 * @param retentionClass the retention policy that applies
 * @param retainFrom     the time retention counts from: the call's time, or the ingest time
 *                       when the PBX reported an implausible call time (a PBX clock reset
 *                       to 1970 must not make a fresh recording expire at once)
 * @param ingestedAt     when it entered the archive
 * @param orphan         found in the PBX's recordings with no call to match it
 * @param operatorUser   the user signed in at the operator's extension when the call was
 *                       answered, or null (not known yet, or nobody signed in)
 * @param truncatedReason why the audio is shorter than the call was (the PBX never closed the
 *                       file: it crashed), or null
 */
public record Recording(UUID id, String callId, String incidentId, Instant callAt,
                        String callerNumber, String operator, String sourceName, String path,
                        String sha256, long sizeBytes, Duration duration, String codec,
                        String retentionClass, Instant retainFrom, Instant ingestedAt,
                        boolean orphan, String truncatedReason, String operatorUser) {

    public Recording {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(callAt, "callAt");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(retentionClass, "retentionClass");
        Objects.requireNonNull(retainFrom, "retainFrom");
    }

    /** A whole recording of a known call. */
    public Recording(UUID id, String callId, String incidentId, Instant callAt, String callerNumber, String operator,
                     String sourceName, String path, String sha256, long sizeBytes, Duration duration, String codec,
                     String retentionClass, Instant retainFrom, Instant ingestedAt) {
        this(id, callId, incidentId, callAt, callerNumber, operator, sourceName, path, sha256, sizeBytes, duration,
                codec, retentionClass, retainFrom, ingestedAt, false, null, null);
    }

    /** Whether the audio stops before the call did. */
    public boolean truncated() {
        return truncatedReason != null;
    }

    /** The content type of the archived file, for HTTP. */
    public String contentType() {
        return switch (container()) {
            case "mp4" -> "video/mp4";
            case "webm" -> "video/webm";
            default -> "audio/ogg";
        };
    }

    /** The archived file's extension ({@code opus}, {@code mp4}, {@code webm}). */
    public String extension() {
        return switch (container()) {
            case "mp4", "webm" -> container();
            default -> "opus";
        };
    }

    /** Whether the file holds a moving picture as well as the sound. */
    public boolean video() {
        return contentType().startsWith("video/");
    }

    private String container() {
        return codec == null ? "" : codec.substring(codec.lastIndexOf('/') + 1);
    }
}
