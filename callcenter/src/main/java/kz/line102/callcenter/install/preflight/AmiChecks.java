package kz.line102.callcenter.install.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import kz.line102.cti.PbxInfo;
import kz.line102.cti.QueueCommandException;
import kz.line102.cti.ami.AmiConnector;
import kz.line102.cti.ami.AmiHealth;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The AMI login: reachable and logged in, receiving the event classes the call translator
 * needs, and allowed the actions the bridge and the preflight send. Asterisk says nothing
 * of a login's read classes; a class is known to be missing when events of the classes
 * that accompany it in every call arrive (agent: QueueCallerJoin, AgentCalled…) and none of
 * it does (call: Newchannel, Hangup). Before any call there is nothing to compare: skipped.
 */
final class AmiChecks implements PreflightCheck {

    /** Without these a call is not seen at all (call) or not seen in its queue (agent). */
    private static final List<String> REQUIRED_CLASSES = List.of("call", "agent");
    /** The bridge's actions (queue control, resync, link health) and the preflight's Getvar. */
    static final List<String> REQUIRED_ACTIONS = List.of("QueueAdd", "QueueRemove", "QueuePause", "QueuePenalty",
            "QueueStatus", "CoreShowChannels", "CoreStatus", "Ping", "Getvar");

    private final ObjectProvider<AmiConnector> connector;
    /** The command line's login asks for no events: it reads nothing a running node would miss. */
    private final boolean commandLine;

    AmiChecks(ObjectProvider<AmiConnector> connector, boolean commandLine) {
        this.connector = connector;
        this.commandLine = commandLine;
    }

    @Override
    public String id() {
        return "ami-link";
    }

    @Override
    public List<Finding> run() {
        AmiConnector ami = connector.getIfAvailable();
        if (ami == null) {
            return List.of(Finding.skipped("ami-link", "disabled"));
        }
        AmiHealth h = ami.health();
        List<Finding> out = new ArrayList<>();
        if (!h.connected() && !h.standby()) {
            out.add(Finding.fail("ami-link", "down", h.pbx(), h.state().name(), h.lastError()));
            out.add(Finding.skipped("ami-read-classes", "no-link"));
            out.add(Finding.skipped("ami-actions", "no-link"));
            return out;
        }
        if (commandLine) {
            out.add(Finding.ok("ami-link", "command-line", h.pbx(), String.valueOf(h.since())));
            out.add(Finding.skipped("ami-read-classes", "command-line"));
        } else {
            out.add(Finding.ok("ami-link", h.standby() ? "standby" : "up", h.pbx(), String.valueOf(h.since())));
            out.add(h.standby() ? Finding.skipped("ami-read-classes", "standby") : readClasses(ami.pbxInfo()));
        }
        out.add(actions(ami.pbxInfo()));
        return out;
    }

    private static Finding readClasses(PbxInfo info) {
        PbxInfo.HeardEvents heard = info.heardEvents();
        String heardList = String.join(", ", heard.byClass().keySet());
        boolean anyCall = REQUIRED_CLASSES.stream().anyMatch(heard::heard) || heard.heard("dialplan");
        if (!anyCall) {
            return Finding.skipped("ami-read-classes", "no-call-yet", String.valueOf(heard.since()),
                    heardList.isEmpty() ? "-" : heardList);
        }
        List<String> missing = REQUIRED_CLASSES.stream().filter(c -> !heard.heard(c)).toList();
        if (!missing.isEmpty()) {
            return Finding.fail("ami-read-classes", "missing", String.join(", ", missing), heardList);
        }
        if (!heard.heard("dialplan")) {
            return Finding.warn("ami-read-classes", "no-dialplan", heardList);
        }
        return Finding.ok("ami-read-classes", "ok", heardList);
    }

    private static Finding actions(PbxInfo info) {
        Set<String> allowed;
        try {
            allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            allowed.addAll(info.allowedActions());
        } catch (QueueCommandException e) {
            return Finding.warn("ami-actions", "unknown", e.getMessage());
        }
        List<String> missing = REQUIRED_ACTIONS.stream().filter(a -> !allowed.contains(a)).toList();
        if (missing.isEmpty()) {
            return Finding.ok("ami-actions", "ok", REQUIRED_ACTIONS.size());
        }
        boolean queue = missing.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("queue")
                && !a.equals("QueueStatus"));
        return Finding.fail("ami-actions", "missing", String.join(", ", missing), queue ? "agent" : "reporting");
    }
}
