package kz.line102.callcenter.cti;

import java.util.List;

/** The captured calls of a scenario by their Linkedid, for tests outside this package. */
public final class CapturedCallIds {

    private CapturedCallIds() {
    }

    public record Captured(String linkedid, String callerNumber) {
    }

    public static List<Captured> of(String scenario) {
        return CapturedCall.read(scenario).stream().map(c -> new Captured(c.linkedid(), c.callerNumber())).toList();
    }
}
