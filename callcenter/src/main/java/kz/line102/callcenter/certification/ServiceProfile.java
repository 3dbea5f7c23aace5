package kz.line102.callcenter.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The service profile of annex 1, written by the employee's direct head: editable (each save
 * a new version) until signed, then never changed; the employee's acknowledgement under
 * signature, with any disagreement and added information, once.
 */
public record ServiceProfile(long id, long caseId, Map<String, String> sections, int version, String writtenBy,
                             Instant writtenAt, String signedBy, Instant signedAt, Acknowledgement acknowledgement) {

    /** The sections of annex 1, in its order; all but {@code OTHER} must be written before signing. */
    public static final List<String> SECTIONS = List.of("PERFORMANCE", "STRATEGIC_DOCUMENTS", "LAW", "ETHICS",
            "PERSONAL_QUALITIES", "FINAL_ASSESSMENT", "OTHER");
    static final int MAX_SECTION = 4000;

    public record Acknowledgement(LocalDate acknowledgedOn, boolean disagrees, String disagreement,
                                  String addedInformation, String recordedBy, Instant recordedAt) {
    }

    public boolean signed() {
        return signedAt != null;
    }
}
