package kz.line102.callcenter.linehealth;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A target's state. {@code degraded}: answering, but slowly or with failures among its last probes. */
enum TargetState {
    UNKNOWN(-1), DOWN(0), DEGRADED(1), UP(2);

    /** The value of the state gauge (Prometheus has no strings). */
    final int gauge;

    TargetState(int gauge) {
        this.gauge = gauge;
    }

    @JsonValue
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TargetState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
