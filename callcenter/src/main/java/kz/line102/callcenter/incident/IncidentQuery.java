package kz.line102.callcenter.incident;

import java.time.Instant;

/**
 * Filters of the card list; null means "any". {@code from}/{@code to} bound the
 * creation time (from inclusive, to exclusive); {@code number} matches the caller's
 * number as given or in E.164; {@code operator} the user who opened the card.
 */
public record IncidentQuery(IncidentStatus status, IncidentCategory category, Integer priority, Instant from,
                            Instant to, String operator, String number, String kui, int page, int size) {
}
