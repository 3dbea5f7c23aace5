package kz.line102.cti.replay;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a parsed capture into a {@link Scenario}: keeps the call's asynchronous
 * events, finds every token that must be fresh per instance and cuts each event
 * into literal bytes and slots. All the regex work happens here, once.
 */
final class ScenarioCompiler {

    /** The lab's caller numbers (fixtures README, "Who is who"). */
    static final List<String> CAPTURED_CALLERS = List.of("+77012345678", "87172123456");

    private static final Set<String> UNIQUEID_KEYS = Set.of("uniqueid", "linkedid", "destuniqueid", "destlinkedid");
    private static final Set<String> CHANNEL_KEYS = Set.of("channel", "destchannel", "destinationchannel");
    private static final Pattern UNIQUEID = Pattern.compile("\\d{9,11}\\.\\d+");
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9]+/[^-/ ]+-[0-9a-f]{8}");

    private ScenarioCompiler() {
    }

    static Scenario compile(String name, CaptureParser.Capture capture) {
        List<CapturedBlock> kept = capture.blocks().stream().filter(ScenarioCompiler::isCallEvent).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("capture '" + name + "' has no asynchronous events");
        }
        long t0 = TokenFinder.parseEpochMicros(kept.get(0).get("Timestamp"));
        TokenFinder finder = new TokenFinder(t0, collect(kept, UNIQUEID_KEYS, UNIQUEID),
                collect(kept, CHANNEL_KEYS, CHANNEL), callersIn(kept), operatorsIn(kept));
        List<EventTemplate> events = new ArrayList<>(kept.size());
        for (CapturedBlock block : kept) {
            events.add(compileEvent(block, t0, finder));
        }
        return new Scenario(name, events, finder.variables(), t0);
    }

    /** The extensions of the queue members the capture rings: {@code PJSIP/1001} gives {@code 1001}. */
    private static List<String> operatorsIn(List<CapturedBlock> kept) {
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        for (CapturedBlock b : kept) {
            String iface = b.get("Interface");
            if (iface != null && iface.matches("PJSIP/\\d+")) {
                found.add(iface.substring("PJSIP/".length()));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The call's own events: timestamped, not answering one of the lab's actions,
     * and not about the lab's AMI session (security events such as SuccessfulAuth).
     */
    static boolean isCallEvent(CapturedBlock block) {
        String privilege = block.get("Privilege");
        return block.eventName() != null && block.has("Timestamp") && !block.has("ActionID")
                && (privilege == null || !privilege.startsWith("security"));
    }

    private static EventTemplate compileEvent(CapturedBlock block, long t0, TokenFinder finder) {
        StateOp op = StateOp.of(block);
        Builder whole = new Builder();
        Map<String, ValueTemplate> fields = new HashMap<>();
        for (CapturedBlock.Header h : block.headers()) {
            whole.literal(h.name().isEmpty() ? "" : h.name() + ": ");
            List<TokenFinder.Token> tokens = h.name().equalsIgnoreCase("Timestamp")
                    ? List.of(new TokenFinder.Token(0, h.value().length(), ValueTemplate.NOW))
                    : finder.find(h.value());
            Builder single = op == StateOp.NONE ? null : new Builder();
            int at = 0;
            for (TokenFinder.Token t : tokens) {
                whole.literal(h.value().substring(at, t.start()));
                whole.slot(t.slot());
                if (single != null) {
                    single.literal(h.value().substring(at, t.start()));
                    single.slot(t.slot());
                }
                at = t.end();
            }
            whole.literal(h.value().substring(at) + "\r\n");
            if (single != null) {
                single.literal(h.value().substring(at));
                fields.putIfAbsent(h.name().toLowerCase(Locale.ROOT), single.build());
            }
        }
        whole.literal("\r\n");
        long offset = TokenFinder.parseEpochMicros(block.get("Timestamp")) - t0;
        return new EventTemplate(block.eventName(), offset, whole.build(), op, fields);
    }

    private static List<String> collect(List<CapturedBlock> blocks, Set<String> keys, Pattern shape) {
        LinkedHashMap<String, Boolean> found = new LinkedHashMap<>();
        for (CapturedBlock b : blocks) {
            for (CapturedBlock.Header h : b.headers()) {
                if (keys.contains(h.name().toLowerCase(Locale.ROOT)) && shape.matcher(h.value()).matches()) {
                    found.putIfAbsent(h.value(), Boolean.TRUE);
                }
            }
        }
        return List.copyOf(found.keySet());
    }

    private static List<String> callersIn(List<CapturedBlock> blocks) {
        List<String> found = new ArrayList<>();
        for (CapturedBlock b : blocks) {
            for (CapturedBlock.Header h : b.headers()) {
                for (String caller : CAPTURED_CALLERS) {
                    if (!found.contains(caller) && h.value().contains(caller)) {
                        found.add(caller);
                    }
                }
            }
        }
        return found;
    }

    /** Accumulates literal bytes and slots, merging adjacent literals. */
    private static final class Builder {
        private final List<byte[]> literals = new ArrayList<>();
        private final List<Integer> slots = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        void literal(String text) {
            pending.writeBytes(EventTemplate.latin1(text));
        }

        void slot(int slot) {
            literals.add(pending.toByteArray());
            pending.reset();
            slots.add(slot);
        }

        ValueTemplate build() {
            literals.add(pending.toByteArray());
            pending.reset();
            return new ValueTemplate(literals.toArray(byte[][]::new),
                    slots.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
