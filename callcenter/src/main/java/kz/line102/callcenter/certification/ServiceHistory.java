package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * What the rules need to know of one employee: the postings (any order; sorted here and
 * checked for overlaps) and the last certification, if any.
 *
 * @param lastCertifiedOn the day of the last decision, null if never certified
 * @param recertify       that decision was "to be re-certified" (item 37)
 */
public record ServiceHistory(List<Posting> postings, LocalDate lastCertifiedOn, boolean recertify) {

    public ServiceHistory {
        if (postings == null || postings.isEmpty()) {
            throw new InvalidHistoryException(ProblemCodes.NO_SERVICE, "the service history has no posting");
        }
        postings = postings.stream().sorted(Comparator.comparing(Posting::start)).toList();
        for (int i = 1; i < postings.size(); i++) {
            Posting before = postings.get(i - 1);
            Posting after = postings.get(i);
            if (before.end() == null || !after.start().isAfter(before.end())) {
                throw new InvalidHistoryException(ProblemCodes.OVERLAPPING_POSTS, "post '" + after.post() + "' from "
                        + after.start() + " overlaps post '" + before.post() + "' from " + before.start()
                        + (before.end() == null ? " (still held)" : " to " + before.end()));
            }
        }
        if (lastCertifiedOn == null && recertify) {
            throw new InvalidHistoryException(ProblemCodes.IMPOSSIBLE_DATES, "a re-certification needs the first one's date");
        }
    }

    public static ServiceHistory of(Posting... postings) {
        return new ServiceHistory(List.of(postings), null, false);
    }

    public ServiceHistory certifiedOn(LocalDate day, boolean recertify) {
        return new ServiceHistory(postings, day, recertify);
    }
}
