package kz.line102.callcenter.certification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A certification commission (items 16–23): its members by user name, the chair and the
 * secretary among them.
 */
public record Commission(long id, String name, String chair, String secretary, List<String> members) {

    public Commission {
        members = List.copyOf(members);
    }

    /**
     * The outcome of an open vote (item 21): at least {@code quorumPresent}/{@code quorumOf}
     * of the members present, adopted by a majority of those present, the chair's vote
     * deciding a tie.
     *
     * @param votes each present member's vote
     */
    Decision outcome(Set<String> present, Map<String, Decision> votes, int quorumPresent, int quorumOf) {
        for (String p : present) {
            if (!members.contains(p)) {
                throw CertificationProblem.invalid(ProblemCodes.NOT_A_MEMBER, p + " is not a member of commission '" + name + "'");
            }
        }
        // Integer arithmetic: exactly two thirds is a quorum, a hair below is not.
        if ((long) present.size() * quorumOf < (long) members.size() * quorumPresent) {
            throw CertificationProblem.conflict(ProblemCodes.NO_QUORUM, present.size() + " of " + members.size()
                    + " members present; a decision needs at least " + quorumPresent + "/" + quorumOf);
        }
        if (!votes.keySet().equals(present)) {
            throw CertificationProblem.invalid(ProblemCodes.VOTES_DO_NOT_MATCH,
                    "every member present votes, and only they: present " + present + ", votes from " + votes.keySet());
        }
        Map<Decision, Integer> count = new LinkedHashMap<>();
        votes.values().forEach(d -> count.merge(d, 1, Integer::sum));
        for (Map.Entry<Decision, Integer> e : count.entrySet()) {
            if (e.getValue() * 2 > present.size()) {
                return e.getKey();
            }
        }
        // A tie is an even split between two options; the chair's vote settles it.
        Decision chairs = votes.get(chair);
        boolean tie = count.size() == 2 && count.values().stream().allMatch(n -> n * 2 == present.size());
        if (!tie) {
            throw CertificationProblem.conflict(ProblemCodes.NO_MAJORITY, "no option has a majority of the " + present.size()
                    + " members present: " + count);
        }
        if (chairs == null) {
            throw CertificationProblem.conflict(ProblemCodes.TIE_WITHOUT_CHAIR, "the vote is tied " + count
                    + " and the chair is not present to decide it");
        }
        return chairs;
    }
}
