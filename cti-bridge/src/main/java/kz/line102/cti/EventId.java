package kz.line102.cti;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A call event's unique id: what the consumer de-duplicates on. Derived by name from
 * what identifies the PBX occurrence, so translating the same AMI event twice yields
 * the same id and re-delivery changes nothing.
 */
public record EventId(String value) {

    public EventId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("blank event id");
        }
    }

    public static EventId derive(String... parts) {
        String name = String.join("\u001f", parts);
        return new EventId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    public static EventId random() {
        return new EventId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
