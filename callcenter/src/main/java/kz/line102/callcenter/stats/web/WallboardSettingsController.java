package kz.line102.callcenter.stats.web;

import java.util.List;

import kz.line102.callcenter.stats.WallboardSettings;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/stats/wallboard}: the signed-in user's wallboard choice (queues, target);
 * {@code PUT} keeps it for them on every desk, {@code DELETE} returns to the centre's
 * default; {@code /defaults} is that default, IT staff's to set (see the security table).
 */
@RestController
@RequestMapping("/api/v1/stats/wallboard")
class WallboardSettingsController {

    private final WallboardSettings settings;

    WallboardSettingsController(WallboardSettings settings) {
        this.settings = settings;
    }

    record Body(List<String> queues, Double targetPercent, Integer serviceLevelSeconds) {
    }

    @GetMapping
    WallboardSettings.Choice mine(Authentication auth) {
        return settings.of(auth.getName());
    }

    @PutMapping
    WallboardSettings.Choice save(Authentication auth, @RequestBody Body body) {
        return settings.save(auth.getName(), auth.getName(), body.queues(), body.targetPercent(),
                body.serviceLevelSeconds());
    }

    @DeleteMapping
    WallboardSettings.Choice reset(Authentication auth) {
        return settings.reset(auth.getName());
    }

    @GetMapping("/defaults")
    WallboardSettings.Choice defaults() {
        return settings.defaults();
    }

    @PutMapping("/defaults")
    WallboardSettings.Choice saveDefaults(Authentication auth, @RequestBody Body body) {
        return settings.save(WallboardSettings.CENTRE, auth.getName(), body.queues(), body.targetPercent(),
                body.serviceLevelSeconds());
    }
}
