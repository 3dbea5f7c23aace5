package kz.line102.callcenter.stats;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

import kz.line102.callcenter.app.InvalidRequestException;

/**
 * A period of the centre's clock, [from, to): an hour, a watch (from the hand-over time to
 * the same time next day), a day, an ISO week, a month, a quarter, or custom. {@code at}
 * is any local date (or date-time for an hour) inside it; custom periods are whole
 * 15-minute intervals. Bad input is an {@link InvalidRequestException} saying what is wrong.
 */
public record Period(String kind, Instant from, Instant to) {

    static final Duration LONGEST = Duration.ofDays(400);

    public static Period of(String kind, String at, String from, String to, ZoneId zone, LocalTime watchStart,
                            Instant now) {
        String k = kind == null ? "watch" : kind;
        if (k.equals("custom")) {
            if (from == null || to == null) {
                throw new InvalidRequestException("a custom period needs 'from' and 'to' (ISO instants or local "
                        + "date-times)");
            }
            Instant a = instant("from", from, zone);
            Instant b = instant("to", to, zone);
            if (!b.isAfter(a) || Duration.between(a, b).compareTo(LONGEST) > 0) {
                throw new InvalidRequestException("'to' must be after 'from' and at most 400 days later");
            }
            return new Period(k, JdbcIntervals.floor(a), JdbcIntervals.floor(b.plus(JdbcIntervals.INTERVAL)
                    .minusNanos(1)));
        }
        ZonedDateTime local = at == null ? now.atZone(zone) : local("at", at, zone);
        LocalDate d = local.toLocalDate();
        return switch (k) {
            case "hour" -> span(k, local.withMinute(0).withSecond(0).withNano(0), Duration.ofHours(1));
            case "watch" -> {
                LocalDate day = at != null && at.length() == 10 ? d
                        : local.toLocalTime().isBefore(watchStart) ? d.minusDays(1) : d;
                ZonedDateTime s = day.atTime(watchStart).atZone(zone);
                yield new Period(k, s.toInstant(), s.plusDays(1).toInstant());
            }
            case "day" -> days(k, d, d.plusDays(1), zone);
            case "week" -> {
                LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield days(k, monday, monday.plusWeeks(1), zone);
            }
            case "month" -> days(k, d.withDayOfMonth(1), d.withDayOfMonth(1).plusMonths(1), zone);
            case "quarter" -> {
                LocalDate first = d.with(IsoFields.DAY_OF_QUARTER, 1);
                yield days(k, first, first.plusMonths(3), zone);
            }
            default -> throw new InvalidRequestException("'period' must be hour, watch, day, week, month, quarter "
                    + "or custom, got '" + k + "'");
        };
    }

    private static Period span(String k, ZonedDateTime start, Duration length) {
        return new Period(k, start.toInstant(), start.toInstant().plus(length));
    }

    private static Period days(String k, LocalDate a, LocalDate b, ZoneId zone) {
        return new Period(k, a.atStartOfDay(zone).toInstant(), b.atStartOfDay(zone).toInstant());
    }

    /** A quarter written {@code 2026-Q4}. */
    public static Period quarter(String text, ZoneId zone) {
        if (text == null || !text.matches("\\d{4}-Q[1-4]")) {
            throw new InvalidRequestException("a quarter is written like 2026-Q4, got '" + text + "'");
        }
        LocalDate first = LocalDate.of(Integer.parseInt(text.substring(0, 4)),
                (Integer.parseInt(text.substring(6)) - 1) * 3 + 1, 1);
        return days("quarter", first, first.plusMonths(3), zone);
    }

    private static ZonedDateTime local(String name, String text, ZoneId zone) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone);
            }
            return LocalDateTime.parse(text).atZone(zone);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + name + "' must be a local date (2026-12-04) or date-time "
                    + "(2026-12-04T09:00), got '" + text + "'");
        }
    }

    private static Instant instant(String name, String text, ZoneId zone) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return local(name, text, zone).toInstant();
        }
    }
}
