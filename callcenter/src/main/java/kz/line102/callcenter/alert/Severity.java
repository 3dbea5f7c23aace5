package kz.line102.callcenter.alert;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgently the duty officer must look. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Severity ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
