package kz.line102.callcenter.certification;

import static kz.line102.callcenter.certification.Decision.CORRESPONDS;
import static kz.line102.callcenter.certification.Decision.CORRESPONDS_RESERVE;
import static kz.line102.callcenter.certification.Decision.RECERTIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The open vote of items 21–22: quorum of two thirds, majority of those present, the chair's casting vote. */
class CommissionTest {

    final Commission six = new Commission(1, "centre", "chair", "secretary",
            List.of("chair", "secretary", "m3", "m4", "m5", "m6"));

    private static void refusedWith(Runnable r, String code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(CertificationProblem.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void exactlyTwoThirdsPresentIsAQuorumAndOneFewerIsNot() {
        Map<String, Decision> four = Map.of("chair", CORRESPONDS, "secretary", CORRESPONDS, "m3", CORRESPONDS,
                "m4", RECERTIFY);
        assertThat(six.outcome(four.keySet(), four, 2, 3)).isEqualTo(CORRESPONDS);
        Map<String, Decision> three = Map.of("chair", CORRESPONDS, "secretary", CORRESPONDS, "m3", CORRESPONDS);
        refusedWith(() -> six.outcome(three.keySet(), three, 2, 3), "no-quorum");
    }

    @Test
    void theQuorumIsASetting() {
        Map<String, Decision> three = Map.of("chair", CORRESPONDS, "secretary", CORRESPONDS, "m3", CORRESPONDS);
        assertThat(six.outcome(three.keySet(), three, 1, 2)).isEqualTo(CORRESPONDS);
    }

    @Test
    void aTieIsDecidedByTheChair() {
        Map<String, Decision> votes = Map.of("chair", CORRESPONDS_RESERVE, "secretary", CORRESPONDS_RESERVE,
                "m3", CORRESPONDS, "m4", CORRESPONDS);
        assertThat(six.outcome(votes.keySet(), votes, 2, 3)).isEqualTo(CORRESPONDS_RESERVE);
    }

    @Test
    void aTieWithoutTheChairDecidesNothing() {
        Map<String, Decision> votes = Map.of("m5", RECERTIFY, "secretary", RECERTIFY, "m3", CORRESPONDS,
                "m4", CORRESPONDS);
        refusedWith(() -> six.outcome(votes.keySet(), votes, 2, 3), "tie-without-chair");
    }

    @Test
    void aPluralityWithoutAMajorityDecidesNothing() {
        Map<String, Decision> votes = Map.of("chair", CORRESPONDS, "secretary", CORRESPONDS, "m3", RECERTIFY,
                "m4", Decision.DEMOTION, "m5", CORRESPONDS_RESERVE);
        refusedWith(() -> six.outcome(votes.keySet(), votes, 2, 3), "no-majority");
    }

    @Test
    void onlyMembersVoteAndEveryMemberPresentVotes() {
        Map<String, Decision> outsider = Map.of("chair", CORRESPONDS, "secretary", CORRESPONDS, "m3", CORRESPONDS,
                "stranger", CORRESPONDS);
        refusedWith(() -> six.outcome(outsider.keySet(), outsider, 2, 3), "not-a-member");
        Map<String, Decision> silent = Map.of("chair", CORRESPONDS, "secretary", CORRESPONDS, "m3", CORRESPONDS);
        refusedWith(() -> six.outcome(Set.of("chair", "secretary", "m3", "m4"), silent, 2, 3), "votes-do-not-match");
    }

    @Test
    void theDecisionsAllowedDependOnWhetherItIsARecertification() {
        assertThat(Decision.allowed(false)).containsExactlyInAnyOrder(CORRESPONDS_RESERVE, CORRESPONDS, RECERTIFY,
                Decision.DEMOTION);
        assertThat(Decision.allowed(true)).containsExactlyInAnyOrder(CORRESPONDS, Decision.DEMOTION,
                Decision.DISMISSAL);
        refusedWith(() -> Decision.parse("promote-everyone"), "unknown-decision");
        refusedWith(() -> Stage.parse("coffee"), "unknown-stage");
    }
}
