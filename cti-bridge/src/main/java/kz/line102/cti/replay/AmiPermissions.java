package kz.line102.cti.replay;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The login's {@code read =} and {@code write =} classes from manager.conf, as Asterisk
 * applies them: an event reaches a client only when one of its Privilege classes is
 * readable; an action is taken (and listed by ListCommands) only when it needs no class
 * or one of its classes is writable. Null sets mean every class, as the lab's user had.
 */
final class AmiPermissions {

    /** The actions the replay answers, with the classes Asterisk 22 registers them under (none: anyone). */
    private static final Map<String, Action> ACTIONS = actions();

    private volatile Set<String> read;
    private volatile Set<String> write;

    record Action(String name, String synopsis, Set<String> classes) {
    }

    void restrict(Set<String> readClasses, Set<String> writeClasses) {
        this.read = readClasses == null ? null : lower(readClasses);
        this.write = writeClasses == null ? null : lower(writeClasses);
    }

    /** Whether the event in {@code buf} (an AMI block, Privilege in its first lines) may be read. */
    boolean readable(byte[] buf, int len) {
        Set<String> r = read;
        if (r == null) {
            return true;
        }
        String head = new String(buf, 0, Math.min(len, 256), StandardCharsets.ISO_8859_1);
        int at = head.indexOf("\r\nPrivilege: ");
        if (at < 0) {
            return true;
        }
        int start = at + "\r\nPrivilege: ".length();
        int end = head.indexOf('\r', start);
        for (String c : head.substring(start, end < 0 ? head.length() : end).split(",")) {
            if (r.contains(c.trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the login may send the action (lower-case name); actions the replay does not list are allowed. */
    boolean writable(String actionLower) {
        Action a = ACTIONS.get(actionLower);
        Set<String> w = write;
        return w == null || a == null || a.classes().isEmpty() || a.classes().stream().anyMatch(w::contains);
    }

    /** ListCommands' answer: one {@code Name: Synopsis (Priv: classes)} line per action this login may send. */
    byte[] listCommands(String id) {
        AmiText out = new AmiText().line("Response", "Success").actionId(id);
        for (Action a : ACTIONS.values()) {
            if (writable(a.name().toLowerCase(Locale.ROOT))) {
                out.line(a.name(), a.synopsis() + "  (Priv: "
                        + (a.classes().isEmpty() ? "<none>" : String.join(",", a.classes()) + ",all") + ")");
            }
        }
        return out.end().bytes();
    }

    private static Set<String> lower(Set<String> classes) {
        return classes.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors
                .toUnmodifiableSet());
    }

    private static Map<String, Action> actions() {
        Map<String, Action> m = new LinkedHashMap<>();
        for (Action a : new Action[] {
                new Action("Command", "Execute Asterisk CLI Command.", Set.of("command")),
                new Action("CoreSettings", "Show PBX core settings (version etc).", Set.of("system", "reporting")),
                new Action("CoreShowChannels", "List currently active channels.", Set.of("system", "reporting")),
                new Action("CoreStatus", "Show PBX core status variables.", Set.of("system", "reporting")),
                new Action("Events", "Control Event Flow.", Set.of()),
                new Action("Getvar", "Gets a channel variable or function value.", Set.of("call", "reporting")),
                new Action("ListCommands", "List available manager commands.", Set.of()),
                new Action("Logoff", "Logoff Manager.", Set.of()),
                new Action("Ping", "Keepalive command.", Set.of()),
                new Action("QueueAdd", "Add interface to queue.", Set.of("agent")),
                new Action("QueuePause", "Makes a queue member temporarily unavailable.", Set.of("agent")),
                new Action("QueuePenalty", "Set the penalty for a queue member.", Set.of("agent")),
                new Action("QueueRemove", "Remove interface from queue.", Set.of("agent")),
                new Action("QueueStatus", "Show queue status.", Set.of()),
                new Action("QueueSummary", "Show queue summary.", Set.of())}) {
            m.put(a.name().toLowerCase(Locale.ROOT), a);
        }
        return m;
    }
}
