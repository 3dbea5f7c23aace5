package kz.line102.callcenter.watch;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shift pattern, who is on which shift, and the chief's break schedule over HTTP. */
@RestController
@RequestMapping("/api/v1/watch/roster")
class RosterController {

    private final RosterService rosters;
    private final WatchCalendar calendar;

    RosterController(RosterService rosters, WatchCalendar calendar) {
        this.rosters = rosters;
        this.calendar = calendar;
    }

    record Removal(String name) {
    }

    record Schedule(List<String> breaks) {
    }

    @GetMapping
    RosterService.Roster roster() {
        return rosters.roster(calendar.current());
    }

    @PostMapping("/shifts/{shift}/members")
    RosterService.Roster assign(Authentication auth, @PathVariable int shift, @RequestBody RosterService.Assignment a) {
        return rosters.assign(shift, auth.getName(), a);
    }

    @PostMapping("/shifts/{shift}/removals")
    RosterService.Roster remove(Authentication auth, @PathVariable int shift, @RequestBody Removal r) {
        return rosters.remove(shift, auth.getName(), r.name());
    }

    @PostMapping("/breaks")
    RosterService.Roster breaks(Authentication auth, @RequestBody Schedule s) {
        return rosters.setBreaks(auth.getName(), s.breaks());
    }
}
