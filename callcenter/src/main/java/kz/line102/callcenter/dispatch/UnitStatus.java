package kz.line102.callcenter.dispatch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a unit stands. {@code DISPATCHED} and {@code ON_SCENE} belong to an incident
 * card and are reached only by sending the unit to one; the others the duty officer
 * sets directly.
 */
public enum UnitStatus {
    OFF_DUTY, AVAILABLE, BUSY, DISPATCHED, ON_SCENE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean onDuty() {
        return this != OFF_DUTY;
    }

    public boolean onCard() {
        return this == DISPATCHED || this == ON_SCENE;
    }

    public static Optional<UnitStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
