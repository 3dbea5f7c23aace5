package kz.line102.callcenter.watch;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The watch and its hand-over over HTTP. A watch is named by its local start
 * ({@code 2026-12-04T08:00}); {@code /current} is the one running now.
 */
@RestController
@RequestMapping("/api/v1/watch")
class WatchController {

    private final HandoverService handover;
    private final OrientationService orientations;
    private final WatchCalendar calendar;

    WatchController(HandoverService handover, OrientationService orientations, WatchCalendar calendar) {
        this.handover = handover;
        this.orientations = orientations;
        this.calendar = calendar;
    }

    record Signature(String side) {
    }

    @GetMapping("/current")
    HandoverService.View current() {
        return handover.view(null);
    }

    @GetMapping("/watches/{key}")
    HandoverService.View watch(@PathVariable String key) {
        return handover.view(key);
    }

    @PostMapping("/watches/{key}/handover/items")
    HandoverService.View addItem(Authentication auth, @PathVariable String key, @RequestBody HandoverService.NewItem item) {
        return handover.addItem(key, auth.getName(), item);
    }

    @PostMapping("/handover/items/{id}/checks")
    HandoverService.View check(Authentication auth, @PathVariable long id, @RequestBody HandoverService.Check check) {
        return handover.check(id, auth.getName(), check);
    }

    /** The orientations in force now; the register keeps the cancelled ones too. */
    @GetMapping("/orientations/active")
    List<WatchStore.Entry> activeOrientations() {
        return orientations.active(calendar.current());
    }

    @PostMapping("/orientations/{id}/cancellation")
    WatchStore.Entry cancelOrientation(Authentication auth, @PathVariable long id,
                                       @RequestBody OrientationService.Cancel cancel) {
        return orientations.cancel(id, auth.getName(), cancel);
    }

    @PostMapping("/watches/{key}/handover/signatures")
    HandoverService.View sign(Authentication auth, @PathVariable String key, @RequestBody Signature signature) {
        return handover.sign(key, auth.getName(), signature.side());
    }
}
