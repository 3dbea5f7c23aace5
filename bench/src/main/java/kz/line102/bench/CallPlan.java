package kz.line102.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.line102.cti.CallId;
import kz.line102.cti.replay.ReplayHandle;
import kz.line102.cti.replay.Scenario;
import kz.line102.cti.replay.ScenarioMix;

/**
 * How many replay instances of {@code ScenarioMix.allBundled()} make a given number of
 * calls, and which call ids those instances produce. A scenario may hold more than one
 * call ({@code two-callers} has two), so calls are counted from the captures: every
 * {@code Newchannel} in an inbound context whose Uniqueid is its Linkedid starts one.
 */
final class CallPlan {

    private static final String INBOUND_CONTEXT = "from-pstn";

    /** Captured caller Linkedids by scenario name. */
    private final Map<String, List<String>> linkedids = new HashMap<>();
    final int instances;
    final int calls;

    /** Scenario names in the order the mix cycles through them. */
    private final List<String> order;

    private CallPlan(int wantedCalls, List<String> order) {
        this.order = List.copyOf(order);
        for (String name : Scenario.BUNDLED) {
            linkedids.put(name, capturedCallers(name));
        }
        int n = 0;
        int c = 0;
        while (c < wantedCalls) {
            // The mix cycles through the scenarios in this order, one each.
            c += linkedids.get(order.get(n % order.size())).size();
            n++;
        }
        this.instances = n;
        this.calls = c;
    }

    /** The fewest instances of the mix with at least {@code calls} calls (exactly that many for 10,000). */
    static CallPlan forCalls(int calls) {
        return new CallPlan(calls, Scenario.BUNDLED);
    }

    /**
     * Every bundled scenario once a cycle, {@code two-callers} first: a cycle holds 7 calls, so
     * with the two-call scenario first a partial cycle can end on any count (2,000 and 500
     * exactly), where {@link #forCalls(int)} may overshoot by one.
     */
    static CallPlan twoCallersFirst(int calls) {
        List<String> order = new ArrayList<>();
        order.add("two-callers");
        Scenario.BUNDLED.stream().filter(n -> !n.equals("two-callers")).forEach(order::add);
        return new CallPlan(calls, order);
    }

    /** The mix the instance count was computed for: play exactly this. */
    ScenarioMix mix() {
        Map<String, Integer> weights = new java.util.LinkedHashMap<>();
        order.forEach(n -> weights.put(n, 1));
        return ScenarioMix.of(weights);
    }

    /** Instances per second (in scenario time) that offer {@code callsPerSecond} calls per second. */
    double instancesPerSecond(double callsPerSecond) {
        return callsPerSecond * instances / calls;
    }

    /** The call ids the played instances make on {@code pbx}. */
    List<UUID> callIds(String pbx, List<ReplayHandle> handles) {
        List<UUID> ids = new ArrayList<>(calls);
        for (ReplayHandle h : handles) {
            for (String captured : linkedids.get(h.scenario())) {
                String fresh = h.freshValueOf(captured);
                ids.add(UUID.fromString(CallId.derive(pbx, fresh).value()));
            }
        }
        return ids;
    }

    private static List<String> capturedCallers(String scenario) {
        String text;
        try (InputStream in = Scenario.class.getResourceAsStream("ami-" + scenario + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("capture of scenario " + scenario + " not on the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> callers = new ArrayList<>();
        for (String block : text.split("\r\n\r\n")) {
            Map<String, String> f = new HashMap<>();
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    f.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
                }
            }
            if ("Newchannel".equals(f.get("Event")) && !f.containsKey("ActionID")
                    && INBOUND_CONTEXT.equals(f.get("Context")) && f.get("Uniqueid") != null
                    && f.get("Uniqueid").equals(f.get("Linkedid"))) {
                callers.add(f.get("Linkedid"));
            }
        }
        if (callers.isEmpty()) {
            throw new IllegalStateException("scenario " + scenario + " has no inbound call");
        }
        return callers;
    }
}
