package kz.line102.callcenter.settings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One saved version of a setting: who saved it, when, why, what changed against the
 * version before it, and, for a restore, which version it brought back. In JSON the
 * setting itself stands under the owner's name for it ({@code ruleSet}, {@code config}),
 * as the APIs showed it before this mechanism.
 *
 * @param payloadKey the JSON name of {@code payload}
 */
public record SettingVersion<T>(int version, @JsonIgnore T payload, String createdBy, Instant createdAt,
                                String action, String comment, Integer restoredFrom, List<String> changes,
                                @JsonIgnore String payloadKey) {

    @JsonAnyGetter
    Map<String, Object> payloadUnderItsName() {
        return Map.of(payloadKey, payload);
    }
}
