package kz.line102.cti.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays captured calls onto the members a queue has now, as app_queue would ring them:
 * only members that are ready (not paused, not in a call, not already rung by another
 * played call), in turn. The capture's own member changes (the lab paused its phones to
 * make callers wait) are left out, so a played call never pauses or unpauses anyone: the
 * members' pause stays whatever their operators and the application made it.
 *
 * <p>A scenario that rings more phones than are ready is swapped for one that rings
 * fewer, down to the caller who waits and hangs up when nobody is ready.
 */
final class MemberHonouringPlay {

    /** Scenarios by how many phones they ring, the first that fits is played instead. */
    private static final List<String> FALLBACKS = List.of("answered", "abandon-ringing", "abandon");

    private final AmiReplayServer server;
    private final LiveState state;
    /** Interfaces rung by a call still playing (and a moment after, until the wrap-up pause arrives). */
    private final Set<String> engaged = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> rungByScenario = new ConcurrentHashMap<>();
    private int turn;

    MemberHonouringPlay(AmiReplayServer server, LiveState state) {
        this.server = server;
        this.state = state;
    }

    /** What one call will do: the scenario played and the captured extension each ready member stands in for. */
    record Plan(Scenario scenario, Map<String, String> operators, List<String> interfaces) {
    }

    synchronized Plan plan(String scenarioName, String queue) {
        List<String> ready = rotate(state.ringable(queue, engaged).stream().filter(i -> i.startsWith("PJSIP/"))
                .toList());
        Scenario scenario = server.scenario(scenarioName);
        if (rung(scenario).size() > ready.size()) {
            for (String fallback : FALLBACKS) {
                Scenario candidate = server.scenario(fallback);
                if (rung(candidate).size() <= ready.size()) {
                    scenario = candidate;
                    break;
                }
            }
        }
        Map<String, String> operators = new HashMap<>();
        List<String> interfaces = new ArrayList<>();
        List<String> rung = rung(scenario);
        for (int i = 0; i < rung.size(); i++) {
            String iface = ready.get(i);
            operators.put(rung.get(i), iface.substring(iface.indexOf('/') + 1));
            interfaces.add(iface);
        }
        engaged.addAll(interfaces);
        return new Plan(scenario, operators, interfaces);
    }

    /** Frees the plan's members for the next call. */
    void release(Plan plan) {
        plan.interfaces().forEach(engaged::remove);
    }

    /**
     * The events of {@code values}'s instance to leave out: every pause change of the capture
     * (QueueMemberPause and the pause device's state) and anything about a member this play
     * does not ring (the capture's other phones).
     */
    static boolean[] leftOut(Scenario scenario, byte[][] values, Set<String> rung) {
        boolean[] skip = new boolean[scenario.eventCount()];
        ReplayHandle view = new ReplayHandle(0, scenario, values);
        for (int i = 0; i < skip.length; i++) {
            Map<String, String> e = view.event(i, 0);
            String name = e.get("Event");
            String device = e.getOrDefault("Device", "");
            String iface = e.get("Interface");
            skip[i] = "QueueMemberPause".equals(name)
                    || "DeviceStateChange".equals(name) && device.startsWith("Queue:") && device.contains("_pause_")
                    || name != null && name.startsWith("QueueMember") && iface != null && !rung.contains(iface);
        }
        return skip;
    }

    /** The phones the capture rings (AgentCalled), by captured extension, in the order rung. */
    private List<String> rung(Scenario scenario) {
        return rungByScenario.computeIfAbsent(scenario.name(), n -> {
            ReplayHandle captured = new ReplayHandle(0, scenario, scenario.capturedValues());
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < scenario.eventCount(); i++) {
                Map<String, String> e = captured.event(i, 0);
                String iface = e.get("Interface");
                if ("AgentCalled".equals(e.get("Event")) && iface != null && iface.startsWith("PJSIP/")) {
                    out.add(iface.substring("PJSIP/".length()));
                }
            }
            return List.copyOf(out);
        });
    }

    /** Round robin with memory (app_queue's rrmemory): each call starts after the last one's first member. */
    private List<String> rotate(List<String> ready) {
        if (ready.size() < 2) {
            return ready;
        }
        int from = Math.floorMod(turn++, ready.size());
        List<String> out = new ArrayList<>(ready.subList(from, ready.size()));
        out.addAll(ready.subList(0, from));
        return out;
    }
}
