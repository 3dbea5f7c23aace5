package kz.line102.callcenter.install.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.line102.callcenter.app.ProblemException;
import kz.line102.callcenter.install.DialplanGlobals;
import kz.line102.cti.PbxInfo;
import kz.line102.cti.QueueCommandException;
import kz.line102.cti.agi.AgiProperties;
import kz.line102.cti.agi.AgiRoutingServer;
import kz.line102.cti.ami.AmiConnector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The dialplan's globals read back over AMI ({@code Getvar} with no channel) against what
 * this node renders for them ({@link DialplanGlobals}): a FastAGI port nobody listens on puts
 * every call on the dialplan's default; a RECDIR the recorder does not read ends every
 * recording as missing.
 */
final class DialplanGlobalsCheck implements PreflightCheck {

    private static final Pattern AGI_URL = Pattern.compile("agi://(\\[[^]]+]|[^/:]+)(?::(\\d+))?(?:/([^?]*))?.*");
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");
    private static final int FASTAGI_DEFAULT_PORT = 4573;

    private final ObjectProvider<AmiConnector> connector;
    private final ObjectProvider<AgiRoutingServer> agiServer;
    private final Environment environment;
    private final PreflightProperties props;

    DialplanGlobalsCheck(ObjectProvider<AmiConnector> connector, ObjectProvider<AgiRoutingServer> agiServer,
                         Environment environment, PreflightProperties props) {
        this.connector = connector;
        this.agiServer = agiServer;
        this.environment = environment;
        this.props = props;
    }

    @Override
    public String id() {
        return "dialplan-agi";
    }

    @Override
    public List<Finding> run() {
        AmiConnector ami = connector.getIfAvailable();
        if (ami == null || !(ami.health().connected() || ami.health().standby())) {
            return List.of(Finding.skipped("dialplan-agi", "no-link"));
        }
        Binder binder = Binder.get(environment);
        AgiProperties agi = binder.bind("line102.cti.agi", AgiProperties.class).orElse(null);
        if (agi == null) {
            return List.of(Finding.skipped("dialplan-agi", "not-configured"));
        }
        PbxInfo pbx = ami.pbxInfo();
        List<Finding> out = new ArrayList<>();
        try {
            out.add(agiUrl(pbx.getGlobal("ROUTE_AGI"), agi));
            out.add(same("dialplan-default-queue", "ROUTE_DEFAULT_QUEUE", pbx.getGlobal("ROUTE_DEFAULT_QUEUE"),
                    agi.defaultQueue()));
            out.add(same("dialplan-default-priority", "ROUTE_DEFAULT_PRIO", pbx.getGlobal("ROUTE_DEFAULT_PRIO"),
                    Integer.toString(agi.defaultPriority())));
            out.add(recordingDir(pbx.getGlobal("RECDIR"), binder));
        } catch (QueueCommandException e) {
            out.add(Finding.fail("dialplan-agi", "unreadable", e.getMessage()));
        }
        return out;
    }

    private Finding agiUrl(Optional<String> theirs, AgiProperties agi) {
        AgiRoutingServer running = agiServer.getIfAvailable();
        int ourPort = running != null ? running.port() : agi.port();
        String ourHost = !props.agiHost().isBlank() ? props.agiHost()
                : WILDCARDS.contains(agi.bindAddress()) ? null : agi.bindAddress();
        String ours = "agi://" + (ourHost == null ? "<this node>" : ourHost) + ":" + ourPort + "/" + agi.script();
        if (theirs.isEmpty()) {
            return Finding.fail("dialplan-agi", "unset", ours);
        }
        Matcher m = AGI_URL.matcher(theirs.get().trim());
        if (!m.matches()) {
            return Finding.fail("dialplan-agi", "malformed", theirs.get(), ours);
        }
        int theirPort = m.group(2) == null ? FASTAGI_DEFAULT_PORT : Integer.parseInt(m.group(2));
        String theirScript = m.group(3) == null ? "" : m.group(3);
        if (theirPort != ourPort) {
            return Finding.fail("dialplan-agi", "port", theirs.get(), ours, theirPort, ourPort);
        }
        if (!theirScript.equals(agi.script())) {
            return Finding.fail("dialplan-agi", "script", theirs.get(), ours);
        }
        if (ourHost != null && !m.group(1).replaceAll("[\\[\\]]", "").equalsIgnoreCase(ourHost.replaceAll("[\\[\\]]",
                ""))) {
            return Finding.warn("dialplan-agi", "host", theirs.get(), ours);
        }
        return Finding.ok("dialplan-agi", "ok", theirs.get());
    }

    private static Finding same(String id, String name, Optional<String> theirs, String ours) {
        if (theirs.isEmpty()) {
            return Finding.warn(id, "unset", name, ours);
        }
        return theirs.get().trim().equals(ours) ? Finding.ok(id, "ok", name, ours)
                : Finding.warn(id, "differs", name, theirs.get(), ours);
    }

    private Finding recordingDir(Optional<String> theirs, Binder binder) {
        String ours;
        try {
            ours = DialplanGlobals.recordingDirOf(binder, props.pbxRecordingDir().isBlank() ? null
                    : props.pbxRecordingDir());
        } catch (ProblemException | IllegalArgumentException e) {
            return Finding.warn("dialplan-recording-dir", "unrenderable", theirs.orElse("-"), e.getMessage());
        }
        if (theirs.isEmpty()) {
            return Finding.fail("dialplan-recording-dir", "unset", ours);
        }
        String t = theirs.get().trim();
        String normalized = t.length() > 1 ? t.replaceAll("/+$", "") : t;
        return normalized.equals(ours) ? Finding.ok("dialplan-recording-dir", "ok", ours)
                : Finding.fail("dialplan-recording-dir", "differs", t, ours);
    }
}
