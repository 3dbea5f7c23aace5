package kz.line102.recorder.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import kz.line102.recorder.InvalidRequestException;

/** The position after the last row of a page: (call time, id), opaque to callers. */
record PageCursor(Instant callAt, UUID id) {

    String encode() {
        String raw = callAt.getEpochSecond() + ":" + callAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] p = raw.split(":", 3);
            return new PageCursor(Instant.ofEpochSecond(Long.parseLong(p[0]), Long.parseLong(p[1])),
                    UUID.fromString(p[2]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | java.time.DateTimeException e) {
            throw new InvalidRequestException("not a page cursor: " + token);
        }
    }
}
