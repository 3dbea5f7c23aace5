package kz.line102.callcenter.certification;

import java.time.LocalDate;

/**
 * One spell of an employee's service: a post held from {@code start} to {@code end}
 * (both inclusive; {@code end} null while it lasts). The gap between two postings is a
 * break in service.
 *
 * @param kind                 a post, study under state order, or a secondment to another body
 * @param post                 the post's name as personnel write it
 * @param rank                 the post's rank order (higher is more senior), for the commission's check
 * @param equivalent           an appointment to an equivalent post without a change of duties: it
 *                             does not reset the certification clock (item 4)
 * @param head                 a head or a deputy head: exempt (item 5)
 * @param employedElsewhereBefore other employment during the break before this posting: the
 *                             service is not continuous across that break, however short
 */
public record Posting(Kind kind, LocalDate start, LocalDate end, String post, int rank, boolean equivalent,
                      boolean head, boolean employedElsewhereBefore) {

    public enum Kind {
        POST, STUDY, SECONDMENT
    }

    public Posting {
        if (kind == null) {
            kind = Kind.POST;
        }
        if (start == null) {
            throw new InvalidHistoryException(ProblemCodes.IMPOSSIBLE_DATES, "a posting needs a start date");
        }
        if (end != null && end.isBefore(start)) {
            throw new InvalidHistoryException(ProblemCodes.IMPOSSIBLE_DATES,
                    "posting '" + post + "' ends on " + end + ", before it starts on " + start);
        }
    }

    /** A plain post, ongoing or ended, for the tests and the simple cases. */
    public static Posting post(LocalDate start, LocalDate end, String post) {
        return new Posting(Kind.POST, start, end, post, 0, false, false, false);
    }

    boolean heldOn(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }

    Posting asEquivalent() {
        return new Posting(kind, start, end, post, rank, true, head, employedElsewhereBefore);
    }

    Posting asHead() {
        return new Posting(kind, start, end, post, rank, equivalent, true, employedElsewhereBefore);
    }

    Posting afterOtherEmployment() {
        return new Posting(kind, start, end, post, rank, equivalent, head, true);
    }

    Posting as(Kind other) {
        return new Posting(other, start, end, post, rank, equivalent, head, employedElsewhereBefore);
    }
}
