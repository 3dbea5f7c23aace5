package kz.line102.callcenter.dispatch;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * IT staff's part of the duty sheet beyond registering units ({@code POST /api/v1/units}) and
 * taking them out of service: the standing crew and patrol route of a unit, set without
 * putting it on duty.
 */
@RestController
@RequestMapping("/api/v1/admin/units")
class UnitAdminController {

    private final DutySheetService sheet;

    UnitAdminController(DutySheetService sheet) {
        this.sheet = sheet;
    }

    record Crew(List<String> crew, String route) {
    }

    @PutMapping("/{id}/crew")
    Unit crew(Authentication auth, @PathVariable long id, @RequestBody Crew body) {
        return sheet.assignCrew(id, body == null ? null : body.crew(), body == null ? null : body.route(),
                auth.getName());
    }
}
