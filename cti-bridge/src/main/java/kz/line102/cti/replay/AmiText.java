package kz.line102.cti.replay;

import java.nio.charset.StandardCharsets;

/** Builds response blocks; responses are rare next to events, so plain strings are fine here. */
final class AmiText {

    private final StringBuilder sb = new StringBuilder(256);

    AmiText line(String name, String value) {
        sb.append(name).append(": ").append(value == null ? "" : value).append("\r\n");
        return this;
    }

    /** Asterisk echoes ActionID only when the action had one. */
    AmiText actionId(String actionId) {
        return actionId == null ? this : line("ActionID", actionId);
    }

    /** Closes the current block with the empty line. */
    AmiText end() {
        sb.append("\r\n");
        return this;
    }

    byte[] bytes() {
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
