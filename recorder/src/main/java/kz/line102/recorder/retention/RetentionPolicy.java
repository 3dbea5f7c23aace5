package kz.line102.recorder.retention;

import java.time.Period;

/** How long recordings of one class are kept, counted from the call's time. */
public record RetentionPolicy(String retentionClass, Period keepFor, String description) {
}
