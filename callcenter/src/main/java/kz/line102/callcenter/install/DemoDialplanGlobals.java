package kz.line102.callcenter.install;

import java.util.Map;
import java.util.OptionalInt;

import kz.line102.callcenter.cti.DemoReplay;
import kz.line102.cti.agi.AgiRoutingServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's replayed PBX has no dialplan of its own: give it the globals this node renders,
 * as an installer would put them in {@code line102-globals.conf}, so the demo's preflight
 * reads back what a correctly installed Asterisk would say. Only under demo/dev; tests set
 * the globals they mean to check.
 */
@Component
class DemoDialplanGlobals {

    private static final Logger log = LoggerFactory.getLogger(DemoDialplanGlobals.class);

    private final ObjectProvider<DemoReplay> replay;
    private final ObjectProvider<AgiRoutingServer> agi;
    private final Environment environment;

    DemoDialplanGlobals(ObjectProvider<DemoReplay> replay, ObjectProvider<AgiRoutingServer> agi,
                        Environment environment) {
        this.replay = replay;
        this.agi = agi;
        this.environment = environment;
    }

    @Order(Ordered.HIGHEST_PRECEDENCE)
    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        DemoReplay demo = replay.getIfAvailable();
        if (demo == null || !demo.active() || !environment.acceptsProfiles(Profiles.of("demo | dev"))) {
            return;
        }
        try {
            AgiRoutingServer routing = agi.getIfAvailable();
            DialplanGlobals g = DialplanGlobals.from(Binder.get(environment),
                    routing == null ? OptionalInt.empty() : OptionalInt.of(routing.port()), null, null);
            Map.of("RECDIR", g.recordingDir(), "ROUTE_AGI", g.agiUrl(), "ROUTE_DEFAULT_QUEUE", g.defaultQueue(),
                    "ROUTE_DEFAULT_PRIO", Integer.toString(g.defaultPriority()))
                    .forEach(demo.server()::setGlobal);
        } catch (RuntimeException e) {
            // The demo's directories may be relative: the preflight then says so, which is right.
            log.warn("demo PBX left without dialplan globals: {}", e.getMessage());
        }
    }
}
