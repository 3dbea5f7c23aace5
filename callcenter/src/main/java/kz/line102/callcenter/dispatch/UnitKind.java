package kz.line102.callcenter.dispatch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** A patrol unit (PCB), an on-duty investigative-operational group (DSOG), traffic police, or other forces. */
public enum UnitKind {
    PATROL, DSOG, TRAFFIC, OTHER;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UnitKind> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
