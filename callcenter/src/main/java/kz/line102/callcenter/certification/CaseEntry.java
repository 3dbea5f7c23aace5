package kz.line102.callcenter.certification;

import java.time.Instant;
import java.util.Map;

/** One stage result or decision, never changed: a correction is a later entry naming it. */
public record CaseEntry(long id, long caseId, Stage stage, String result, Integer score, String note,
                        Map<String, Object> detail, Long corrects, String recordedBy, Instant recordedAt) {
}
