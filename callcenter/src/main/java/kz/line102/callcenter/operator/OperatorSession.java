package kz.line102.callcenter.operator;

import java.time.Instant;

/** One sign-in of an operator at a workstation; {@code endedAt} null while it lasts. */
public record OperatorSession(long id, String username, String workstation, String extension, String iface,
                              Instant startedAt, Instant endedAt, String endReason) {
}
