package kz.line102.callcenter.install;

import java.util.OptionalInt;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.cti.agi.AgiRoutingServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What IT staff put on the PBX so it agrees with this node (ADMIN, under
 * {@code /api/v1/admin/**}): the dialplan globals. Read-only: the values come from the
 * configuration this node runs with, the same one its routing service and recorder use.
 */
@RestController
@RequestMapping("/api/v1/admin/asterisk")
class AsteriskConfController {

    private static final Logger log = LoggerFactory.getLogger(AsteriskConfController.class);

    private final Environment environment;
    private final ObjectProvider<AgiRoutingServer> agiServer;

    AsteriskConfController(Environment environment, ObjectProvider<AgiRoutingServer> agiServer) {
        this.environment = environment;
        this.agiServer = agiServer;
    }

    /**
     * @param agiHost      the address Asterisk reaches this node's routing service at, when it is not
     *                     line102.cti.agi.bind-address (which may be a wildcard)
     * @param recordingDir the PBX's path of the recording directory, when the recorder reads it mounted
     *                     at another path here
     */
    @GetMapping(value = "/line102-globals.conf", produces = MediaType.TEXT_PLAIN_VALUE)
    String globals(@RequestParam(name = "agi-host", required = false) String agiHost,
                   @RequestParam(name = "recording-dir", required = false) String recordingDir) {
        AgiRoutingServer running = agiServer.getIfAvailable();
        OptionalInt bound = running == null ? OptionalInt.empty() : OptionalInt.of(running.port());
        DialplanGlobals globals;
        try {
            globals = DialplanGlobals.from(Binder.get(environment), bound, blankToNull(agiHost),
                    blankToNull(recordingDir));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        log.info("dialplan globals rendered: RECDIR={} ROUTE_AGI={} default {} / {}", globals.recordingDir(),
                globals.agiUrl(), globals.defaultQueue(), globals.defaultPriority());
        return globals.render();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
