package kz.line102.cti.replay;

import java.util.List;

/**
 * The fixed answers (CoreSettings, {@code core show version}) taken verbatim from
 * the bundled ami-handshake.txt, so the replay reports the captured Asterisk.
 */
final class HandshakeAnswers {

    private final CapturedBlock coreSettings;
    private final CapturedBlock version;

    private HandshakeAnswers(CapturedBlock coreSettings, CapturedBlock version) {
        this.coreSettings = coreSettings;
        this.version = version;
    }

    static HandshakeAnswers bundled() {
        List<CapturedBlock> blocks = CaptureParser.parse(Scenario.ReplayResources.read("ami-handshake.txt")).blocks();
        CapturedBlock settings = blocks.stream().filter(b -> b.has("AMIversion")).findFirst()
                .orElseThrow(() -> new IllegalStateException("ami-handshake.txt has no CoreSettings answer"));
        CapturedBlock version = blocks.stream()
                .filter(b -> b.get("Output") != null && b.get("Output").startsWith("Asterisk "))
                .findFirst().orElseThrow(() -> new IllegalStateException("ami-handshake.txt has no version output"));
        return new HandshakeAnswers(settings, version);
    }

    byte[] coreSettings(String actionId) {
        return withActionId(coreSettings, actionId);
    }

    byte[] versionCommand(String actionId) {
        return withActionId(version, actionId);
    }

    /** The captured block with the client's ActionID in place of the lab's. */
    private static byte[] withActionId(CapturedBlock block, String actionId) {
        AmiText out = new AmiText();
        for (CapturedBlock.Header h : block.headers()) {
            if (h.name().equalsIgnoreCase("ActionID")) {
                out.actionId(actionId);
            } else {
                out.line(h.name(), h.value());
            }
        }
        return out.end().bytes();
    }
}
