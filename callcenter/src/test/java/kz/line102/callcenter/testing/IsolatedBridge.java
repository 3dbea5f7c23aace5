package kz.line102.callcenter.testing;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives a test context a call stream and a PBX name of its own, so the calls it plays
 * through the in-process bridge never meet another context's consumers or call ids. The
 * PBX name also keys the AMI link's lease: two cached contexts under one name would take
 * each other's link over (a PBX restart in one made the other the holder, reconciling its
 * own PBX against the first one's operators). Tests read the name back with
 * {@code @Value("${line102.cti.ami.pbx}")}.
 */
public final class IsolatedBridge {

    private IsolatedBridge() {
    }

    public static void register(DynamicPropertyRegistry registry, String pbx) {
        String stream = "line102:test:" + UUID.randomUUID() + ":calls";
        registry.add("line102.cti.stream.key", () -> stream);
        registry.add("line102.cti.replay.calls-per-second", () -> "0");
        String name = pbx + "-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("line102.cti.ami.pbx", () -> name);
    }
}
