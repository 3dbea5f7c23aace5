package kz.line102.cti.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the actions a CTI client sends, with Asterisk 22.10.1's wording as
 * captured in ami-handshake.txt. Login is checked against one configured user.
 */
final class AmiActions {

    private static final Logger log = LoggerFactory.getLogger(AmiActions.class);

    private final String username;
    private final String secret;
    private final LiveState state;
    private final HandshakeAnswers captured;
    private final LongSupplier epochMicros;
    private volatile long startedEpochMicros;
    private final java.util.concurrent.ConcurrentLinkedDeque<Map<String, String>> received =
            new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final java.util.Set<String> unanswered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final MemberActions members;
    private final Map<String, String> globals = new java.util.concurrent.ConcurrentHashMap<>();
    private final AmiPermissions permissions;

    AmiActions(String username, String secret, LiveState state, HandshakeAnswers captured, LongSupplier epochMicros,
               ClientHub hub, AmiPermissions permissions) {
        this.username = username;
        this.secret = secret;
        this.state = state;
        this.captured = captured;
        this.epochMicros = epochMicros;
        this.startedEpochMicros = epochMicros.getAsLong();
        this.members = new MemberActions(state, hub, epochMicros);
        this.permissions = permissions;
    }

    /** Answers one request; false when the connection must close (Logoff, failed login). */
    boolean handle(AmiSession s, Map<String, String> req) {
        String action = req.getOrDefault("action", "");
        String id = req.get("actionid");
        String lower = action.toLowerCase(Locale.ROOT);
        if (!lower.equals("login") && !lower.equals("challenge")) {
            received.addLast(Map.copyOf(req));
            while (received.size() > 10_000) {
                received.pollFirst();
            }
        }
        if (s.isLoggedIn() && unanswered.contains(lower)) {
            // A PBX that hangs on this action: the request is read and never answered.
            return true;
        }
        if (!s.isLoggedIn() && !lower.equals("login") && !lower.equals("challenge") && !lower.equals("logoff")) {
            return s.send(error(id, "Permission denied"));
        }
        if (s.isLoggedIn() && !permissions.writable(lower)) {
            return s.send(error(id, "Permission denied"));
        }
        return switch (lower) {
            case "challenge" -> challenge(s, req, id);
            case "login" -> login(s, req, id);
            case "logoff" -> {
                s.send(new AmiText().line("Response", "Goodbye").actionId(id)
                        .line("Message", "Thanks for all the fish.").end().bytes());
                yield false;
            }
            case "ping" -> s.send(new AmiText().line("Response", "Success").actionId(id).line("Ping", "Pong")
                    .line("Timestamp", micros(epochMicros.getAsLong())).end().bytes());
            case "events" -> events(s, req, id);
            case "coresettings" -> s.send(captured.coreSettings(id));
            case "corestatus" -> s.send(coreStatus(id));
            case "command" -> s.send(command(req.getOrDefault("command", ""), id));
            case "coreshowchannels" -> s.send(StatusResponses.coreShowChannels(state, id, System.nanoTime()));
            case "queuestatus" -> s.send(StatusResponses.queueStatus(state, id, req.get("queue"), req.get("member"),
                    System.nanoTime()));
            case "queuesummary" -> s.send(StatusResponses.queueSummary(state, id, req.get("queue"), System.nanoTime()));
            case "queueadd" -> members.answer(s, members.add(req, id));
            case "queueremove" -> members.answer(s, members.remove(req, id));
            case "queuepause" -> members.answer(s, members.pause(req, id));
            case "queuepenalty" -> members.answer(s, members.penalty(req, id));
            case "getvar" -> s.send(getvar(req, id));
            case "listcommands" -> s.send(permissions.listCommands(id));
            case "" -> s.send(error(id, "Missing action in request"));
            default -> s.send(error(id, "Invalid/unknown command: " + action
                    + ". Use Action: ListCommands to show available commands."));
        };
    }

    /** As after a restart: Uptime counts from now, CoreStatus reports a new start time. */
    void restarted() {
        startedEpochMicros = epochMicros.getAsLong();
    }

    /** Every action received since start (but logins), headers lower-cased, oldest first. */
    java.util.List<Map<String, String>> received() {
        return java.util.List.copyOf(received);
    }

    void clearReceived() {
        received.clear();
    }

    /** Actions (lower-case names) left unanswered from now on; empty to answer all again. */
    void leaveUnanswered(java.util.Set<String> actions) {
        unanswered.clear();
        unanswered.addAll(actions);
    }

    /** Sets (or, with null, unsets) a dialplan global, as {@code [globals]} and a dialplan reload would. */
    void setGlobal(String name, String value) {
        if (value == null) {
            globals.remove(name);
        } else {
            globals.put(name, value);
        }
    }

    /**
     * Getvar of a global as Asterisk 22 answers it (ami-actions.txt, lab-10): an unset one is an
     * empty Value, not an error. The replay has no channel variables: those are "No such channel"
     * (lab-19).
     */
    private byte[] getvar(Map<String, String> req, String id) {
        String variable = req.get("variable");
        if (variable == null || variable.isBlank()) {
            return error(id, "No variable specified");
        }
        String channel = req.get("channel");
        if (channel != null && !channel.isBlank()) {
            return error(id, "No such channel");
        }
        return new AmiText().line("Response", "Success").actionId(id).line("Variable", variable)
                .line("Value", globals.getOrDefault(variable, "")).end().bytes();
    }

    private boolean challenge(AmiSession s, Map<String, String> req, String id) {
        if (!"md5".equalsIgnoreCase(req.get("authtype"))) {
            return s.send(error(id, "Must specify AuthType"));
        }
        s.challenge = Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000, 1_000_000_000));
        return s.send(new AmiText().line("Response", "Success").actionId(id).line("Challenge", s.challenge)
                .end().bytes());
    }

    private boolean login(AmiSession s, Map<String, String> req, String id) {
        boolean userOk = username.equals(req.get("username"));
        boolean secretOk;
        if ("md5".equalsIgnoreCase(req.get("authtype"))) {
            secretOk = s.challenge != null && md5Hex(s.challenge + secret).equalsIgnoreCase(req.getOrDefault("key", ""));
        } else {
            secretOk = secret.equals(req.get("secret"));
        }
        if (!userOk || !secretOk) {
            log.info("{}: authentication failed for user '{}'", s.name(), req.get("username"));
            s.send(error(id, "Authentication failed"));
            return false;
        }
        String events = req.getOrDefault("events", "on");
        long uptime = (epochMicros.getAsLong() - startedEpochMicros) / 1_000_000L;
        s.loginAccepted(!"off".equalsIgnoreCase(events),
                new AmiText().line("Response", "Success").actionId(id)
                        .line("Message", "Authentication accepted").end().bytes(),
                new AmiText().line("Event", "FullyBooted").line("Privilege", "system,all")
                        .line("Uptime", Long.toString(uptime)).line("LastReload", Long.toString(uptime))
                        .line("Status", "Fully Booted").end().bytes());
        return true;
    }

    private boolean events(AmiSession s, Map<String, String> req, String id) {
        boolean on = !"off".equalsIgnoreCase(req.getOrDefault("eventmask", "on"));
        s.setEvents(on);
        return s.send(new AmiText().line("Response", "Success").actionId(id).line("Events", on ? "On" : "Off")
                .end().bytes());
    }

    private byte[] coreStatus(String id) {
        Instant started = Instant.ofEpochSecond(0, startedEpochMicros * 1000L);
        var utc = started.atOffset(ZoneOffset.UTC);
        String date = DateTimeFormatter.ISO_LOCAL_DATE.format(utc);
        String time = DateTimeFormatter.ofPattern("HH:mm:ss").format(utc);
        return new AmiText().line("Response", "Success").actionId(id).line("CoreStartupDate", date)
                .line("CoreStartupTime", time).line("CoreReloadDate", date).line("CoreReloadTime", time)
                .line("CoreCurrentCalls", Integer.toString(state.channelCount()))
                .line("CoreProcessedCalls", "0").end().bytes();
    }

    private byte[] command(String command, String id) {
        if (command.trim().equalsIgnoreCase("core show version")) {
            return captured.versionCommand(id);
        }
        return new AmiText().line("Response", "Error").actionId(id).line("Message", "Command output follows")
                .line("Output", "No such command '" + command + "' (type 'core show help " + command
                        + "' for other possible commands)").end().bytes();
    }

    static byte[] error(String id, String message) {
        return new AmiText().line("Response", "Error").actionId(id).line("Message", message).end().bytes();
    }

    static String micros(long epochMicros) {
        ByteSink sink = new ByteSink(24);
        sink.putEpochMicros(epochMicros);
        return sink.toLatin1String();
    }

    static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
