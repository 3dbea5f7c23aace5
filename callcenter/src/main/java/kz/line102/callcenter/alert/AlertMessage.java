package kz.line102.callcenter.alert;

import java.util.List;

/**
 * What a supervisor's screen receives: {@code open} (every open alert, on connect),
 * {@code raised}, {@code acknowledged}, {@code delivery} (the outbound state changed),
 * or {@code error}.
 */
record AlertMessage(String type, Alert alert, List<Alert> alerts, String code, String detail) {

    static AlertMessage snapshot(List<Alert> open) {
        return new AlertMessage("open", null, open, null, null);
    }

    static AlertMessage of(String type, Alert alert) {
        return new AlertMessage(type, alert, null, null, null);
    }

    static AlertMessage error(String code, String detail) {
        return new AlertMessage("error", null, null, code, detail);
    }
}
