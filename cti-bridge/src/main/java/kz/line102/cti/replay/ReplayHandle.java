package kz.line102.cti.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One played call as a test sees it: the fresh numbers and ids it was given and a
 * future that completes once its last event has been flushed to the clients.
 */
public final class ReplayHandle {

    private final long instanceId;
    private final Scenario scenario;
    private final byte[][] values;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    ReplayHandle(long instanceId, Scenario scenario, byte[][] values) {
        this.instanceId = instanceId;
        this.scenario = scenario;
        this.values = values;
    }

    public long instanceId() {
        return instanceId;
    }

    public String scenario() {
        return scenario.name();
    }

    public int eventCount() {
        return scenario.eventCount();
    }

    /** The caller numbers in order of appearance (two in {@code two-callers}). */
    public List<String> callerNumbers() {
        return valuesOf(VariableSpec.Kind.CALLER);
    }

    /** The first caller's number. */
    public String callerNumber() {
        return callerNumbers().get(0);
    }

    /** The first caller's Linkedid (its Uniqueid: the call's first channel). */
    public String linkedid() {
        return uniqueids().get(0);
    }

    /** Every Uniqueid of the call in order of first appearance; caller legs and operator legs. */
    public List<String> uniqueids() {
        return valuesOf(VariableSpec.Kind.UNIQUEID);
    }

    /** Channel names such as {@code PJSIP/pstn-0000002a}, in order of first appearance. */
    public List<String> channels() {
        return valuesOf(VariableSpec.Kind.CHANNEL);
    }

    /**
     * The fresh value that replaced a captured token in this instance, e.g.
     * {@code freshValueOf("1795390568.0")} or {@code freshValueOf("+77012345678")}; null if none did.
     */
    public String freshValueOf(String captured) {
        List<VariableSpec> specs = scenario.variables();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).original().equals(captured)) {
                return new String(values[i], StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /**
     * The {@code index}-th event of this call (0-based, the order it is played in) with this
     * instance's fresh values and {@code epochMicros} as its Timestamp, header by header in
     * captured order: for a caller that derives from each played event what the PBX would
     * also have written elsewhere (its CEL and queue_log rows).
     */
    public Map<String, String> event(int index, long epochMicros) {
        ByteSink sink = new ByteSink(2048);
        scenario.events().get(index).render(values, epochMicros, sink);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : sink.toLatin1String().split("\r\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return fields;
    }

    public CompletableFuture<Void> done() {
        return done;
    }

    private List<String> valuesOf(VariableSpec.Kind kind) {
        List<String> out = new ArrayList<>();
        List<VariableSpec> specs = scenario.variables();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).kind() == kind) {
                out.add(new String(values[i], StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ReplayHandle[" + instanceId + " " + scenario.name() + "]";
    }
}
