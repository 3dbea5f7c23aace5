package kz.line102.callcenter.certification;

import java.time.LocalDate;

/**
 * One deadline of a case's calendar.
 *
 * @param kind     {@code NOTIFICATION}, {@code PROFILE}, {@code ACKNOWLEDGEMENT}, {@code FILE},
 *                 {@code MINUTES}, {@code SHEET}, and the windows {@code APPEAL} and
 *                 {@code RECERTIFICATION}
 * @param from     a window's first day (null for a deadline)
 * @param dueOn    the last day
 * @param doneOn   when it was done (null while open; a window is never done)
 * @param state    {@code done}, {@code done-late}, {@code open}, {@code overdue}, {@code window}
 */
public record Deadline(String kind, LocalDate from, LocalDate dueOn, LocalDate doneOn, String doneBy, String state) {

    static Deadline of(String kind, LocalDate dueOn, LocalDate doneOn, String doneBy, LocalDate today) {
        String state = doneOn != null ? (doneOn.isAfter(dueOn) ? "done-late" : "done")
                : today.isAfter(dueOn) ? "overdue" : "open";
        return new Deadline(kind, null, dueOn, doneOn, doneBy, state);
    }

    static Deadline window(String kind, LocalDate from, LocalDate to) {
        return new Deadline(kind, from, to, null, null, "window");
    }
}
