package kz.line102.callcenter.certification;

import static java.time.temporal.ChronoUnit.DAYS;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import kz.line102.callcenter.certification.Due.Status;
import kz.line102.callcenter.certification.Posting.Kind;

/**
 * When an employee is due for certification (items 3–5 of the model regulation), from the
 * service history alone: pure, no clock, no store, so that every rule has a worked example
 * in {@code DueRulesTest}.
 *
 * <ul>
 * <li>Service is continuous across a break of at most {@code maxBreak} with no other
 * employment: a break from the day after one posting to the day before the next, so a break
 * of exactly 3 months keeps it and one of 3 months and a day ends it. Study under state order
 * and secondments count as service.</li>
 * <li>The clock runs from the last certification in the continuous service, or from its first
 * day: due after {@code regularInterval}; after an appointment to a new post (not an
 * equivalent post without a change of duties, not the post taken up after study or a
 * secondment) since then, {@code newPostDelay} after it, whichever comes first.</li>
 * <li>Floors: a graduate under state order not earlier than {@code graduateFloor} after the
 * appointment following the study; a seconded employee on return not earlier than {@code
 * secondmentFloor} after taking up the post.</li>
 * <li>After a decision "to be re-certified": from {@code recertifyEarliest} to {@code
 * recertifyLatest} after it; otherwise it may be held until {@code grace} after the due day.</li>
 * <li>Exempt: heads and deputies; whoever has {@code exemptService} of service (all postings,
 * breaks not counted) by the due day or by today. Periods in years or months end on the same
 * day of the month, or on the month's last day where there is none (29 February + 1 year is
 * 28 February), as java.time and the civil code count them.</li>
 * </ul>
 */
public final class DueRules {

    private final CertificationRules rules;

    public DueRules(CertificationRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public Due evaluate(ServiceHistory history, LocalDate asOf) {
        List<Posting> postings = history.postings();
        int current = -1;
        for (int i = 0; i < postings.size() && !postings.get(i).start().isAfter(asOf); i++) {
            current = i;
        }
        if (current < 0 || !postings.get(current).heldOn(asOf)) {
            // Not yet appointed, on a break or gone: nobody to certify today.
            return Due.none(Status.NOT_APPLICABLE, "not-in-service", null, null);
        }
        Posting now = postings.get(current);
        int runStart = current;
        while (runStart > 0 && continuous(postings.get(runStart - 1), postings.get(runStart))) {
            runStart--;
        }
        LocalDate serviceFrom = postings.get(runStart).start();
        LocalDate exemptFrom = exemptFrom(postings, current);
        if (now.kind() == Kind.STUDY) {
            return Due.none(Status.NOT_APPLICABLE, "studying", serviceFrom, exemptFrom);
        }
        if (now.kind() == Kind.SECONDMENT) {
            return Due.none(Status.NOT_APPLICABLE, "seconded", serviceFrom, exemptFrom);
        }
        if (now.head()) {
            return Due.none(Status.EXEMPT, "head-or-deputy", serviceFrom, exemptFrom);
        }
        LocalDate last = history.lastCertifiedOn() != null && !history.lastCertifiedOn().isBefore(serviceFrom)
                ? history.lastCertifiedOn() : null;
        LocalDate dueOn;
        LocalDate latestOn;
        String reason;
        if (last != null && history.recertify()) {
            dueOn = last.plus(rules.recertifyEarliest());
            latestOn = last.plus(rules.recertifyLatest());
            reason = "recertification";
        } else {
            LocalDate anchor = last != null ? last : serviceFrom;
            dueOn = anchor.plus(rules.regularInterval());
            reason = "regular";
            Posting appointed = lastNewPost(postings, runStart, current, last);
            if (appointed != null && appointed.start().plus(rules.newPostDelay()).isBefore(dueOn)) {
                dueOn = appointed.start().plus(rules.newPostDelay());
                reason = "new-post";
            }
            LocalDate graduate = floorAfter(postings, runStart, current, last, Kind.STUDY, rules.graduateFloor());
            if (graduate != null && graduate.isAfter(dueOn)) {
                dueOn = graduate;
                reason = "graduate-floor";
            }
            LocalDate returned = floorAfter(postings, runStart, current, last, Kind.SECONDMENT,
                    rules.secondmentFloor());
            if (returned != null && returned.isAfter(dueOn)) {
                dueOn = returned;
                reason = "secondment-floor";
            }
            latestOn = dueOn.plus(rules.grace());
        }
        LocalDate judgedOn = asOf.isAfter(dueOn) ? asOf : dueOn;
        if (!exemptFrom.isAfter(judgedOn)) {
            return Due.none(Status.EXEMPT, "long-service", serviceFrom, exemptFrom);
        }
        Status status = asOf.isBefore(dueOn) ? Status.UPCOMING : asOf.isAfter(latestOn) ? Status.OVERDUE : Status.DUE;
        return new Due(status, dueOn, latestOn, reason, serviceFrom, exemptFrom);
    }

    /** Whether service runs on from {@code before} into {@code after} (item 3). */
    boolean continuous(Posting before, Posting after) {
        LocalDate breakStarts = before.end().plusDays(1);
        if (!after.start().isAfter(breakStarts)) {
            return true;
        }
        return !after.employedElsewhereBefore() && !after.start().isAfter(breakStarts.plus(rules.maxBreak()));
    }

    /** The latest appointment to a new post in the run after the last certification. */
    private static Posting lastNewPost(List<Posting> postings, int runStart, int current, LocalDate last) {
        for (int i = current; i > runStart; i--) {
            Posting p = postings.get(i);
            if (last != null && !p.start().isAfter(last)) {
                return null;
            }
            boolean afterStudyOrSecondment = postings.get(i - 1).kind() != Kind.POST;
            if (p.kind() == Kind.POST && !p.equivalent() && !afterStudyOrSecondment) {
                return p;
            }
        }
        return null;
    }

    /** The floor set by the post taken up after the last study (or secondment) of the run, if not certified since. */
    private static LocalDate floorAfter(List<Posting> postings, int runStart, int current, LocalDate last, Kind kind,
                                        java.time.Period floor) {
        for (int i = current; i > runStart; i--) {
            if (postings.get(i - 1).kind() == kind) {
                LocalDate takenUp = postings.get(i).start();
                return last != null && !last.isBefore(takenUp) ? null : takenUp.plus(floor);
            }
        }
        return null;
    }

    /**
     * The day the service reaches {@code exemptService}, if the current posting goes on:
     * the days of every earlier posting (breaks not counted) moved before its start.
     */
    private LocalDate exemptFrom(List<Posting> postings, int current) {
        long before = 0;
        for (int i = 0; i < current; i++) {
            Posting p = postings.get(i);
            before += DAYS.between(p.start(), p.end()) + 1;
        }
        return postings.get(current).start().minusDays(before).plus(rules.exemptService());
    }
}
