package kz.line102.cti;

import java.time.Instant;

/**
 * A call reached the PBX on an inbound line. {@code callerNumber} is exactly as the
 * network sent it ({@code null} when withheld); {@code observed} is false when the
 * bridge learnt of the call only from a resync after a gap in its PBX link, in which
 * case {@code at} is reconstructed from the channel's age.
 */
public record CallOffered(EventId eventId, CallId callId, Instant at,
                          String callerNumber, String callerName, String dialedNumber,
                          boolean observed) implements CallEvent {
}
