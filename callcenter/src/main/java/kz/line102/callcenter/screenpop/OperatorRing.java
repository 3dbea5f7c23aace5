package kz.line102.callcenter.screenpop;

import java.time.Instant;

/**
 * An operator's phone is ringing with a call, or stopped ringing ({@code active}
 * false: answered elsewhere, missed, or the caller hung up). {@code extension} is the
 * phone the PBX rang.
 */
public record OperatorRing(String callId, String extension, String callerNumber, String callerNumberE164,
                           String queue, Instant rangAt, boolean active) {
}
