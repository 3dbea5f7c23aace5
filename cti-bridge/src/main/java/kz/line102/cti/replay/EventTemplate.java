package kz.line102.cti.replay;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One asynchronous event of a scenario, compiled: the whole block (headers and the
 * closing empty line) as one {@link ValueTemplate}, plus, for the few events that
 * change the live state, their header values addressable by lower-case name.
 */
final class EventTemplate {

    private final String name;
    private final long offsetMicros;
    private final ValueTemplate block;
    private final StateOp op;
    private final Map<String, ValueTemplate> fields;

    EventTemplate(String name, long offsetMicros, ValueTemplate block, StateOp op,
                  Map<String, ValueTemplate> fields) {
        this.name = name;
        this.offsetMicros = offsetMicros;
        this.block = block;
        this.op = op;
        this.fields = Map.copyOf(fields);
    }

    String name() {
        return name;
    }

    /** Distance from the scenario's first event, as captured. */
    long offsetMicros() {
        return offsetMicros;
    }

    StateOp op() {
        return op;
    }

    void render(byte[][] values, long nowMicros, ByteSink out) {
        block.render(values, nowMicros, out);
    }

    /** A header's value with the instance's fresh tokens, or null when absent. */
    String field(String lowerCaseName, byte[][] values) {
        ValueTemplate t = fields.get(lowerCaseName);
        return t == null ? null : t.resolve(values);
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
