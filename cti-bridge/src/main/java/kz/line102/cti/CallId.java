package kz.line102.cti;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A call's project id. Derived by name from the PBX it came through and that PBX's
 * call correlation id, so a resync after a reconnect finds the same id again
 * without any shared state.
 */
public record CallId(String value) {

    public CallId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("blank call id");
        }
    }

    /** The id of the call that {@code pbx} correlates under {@code correlationId}. */
    public static CallId derive(String pbx, String correlationId) {
        String name = pbx + "/" + correlationId;
        return new CallId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
