package kz.line102.cti.replay;

import java.nio.charset.StandardCharsets;

/**
 * Bytes with holes: {@code literals[0] slot[0] literals[1] ... literals[n]}. A slot is
 * an index into the instance's fresh values, or {@link #NOW} for the write time.
 * Compiled once per scenario so that playing an event is a few array copies.
 */
final class ValueTemplate {

    static final int NOW = -1;

    private final byte[][] literals;
    private final int[] slots;

    ValueTemplate(byte[][] literals, int[] slots) {
        if (literals.length != slots.length + 1) {
            throw new IllegalArgumentException("literals must surround slots");
        }
        this.literals = literals;
        this.slots = slots;
    }

    void render(byte[][] values, long nowMicros, ByteSink out) {
        out.put(literals[0]);
        for (int i = 0; i < slots.length; i++) {
            int slot = slots[i];
            if (slot == NOW) {
                out.putEpochMicros(nowMicros);
            } else {
                out.put(values[slot]);
            }
            out.put(literals[i + 1]);
        }
    }

    /** The value as text; used only for the few events that change the live state. */
    String resolve(byte[][] values) {
        if (slots.length == 0) {
            return new String(literals[0], StandardCharsets.ISO_8859_1);
        }
        ByteSink sink = new ByteSink(64);
        render(values, 0, sink);
        return sink.toLatin1String();
    }
}
