package kz.line102.cti.replay;

import java.util.List;

/** One {@code Key: Value} block of a capture, headers in wire order. */
record CapturedBlock(List<Header> headers) {

    record Header(String name, String value) {
    }

    CapturedBlock {
        headers = List.copyOf(headers);
    }

    /** First value of the header, names compared case-insensitively as AMI does. */
    String get(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    boolean has(String name) {
        return get(name) != null;
    }

    String eventName() {
        return get("Event");
    }
}
