package kz.line102.callcenter.caller;

import java.time.Instant;

/** A number in the telephone exchanges' base; {@code lat}/{@code lon} null when its position is unknown. */
public record Subscriber(String numberE164, String holderName, String address, Double lat, Double lon,
                         String source, Instant updatedAt) {
}
