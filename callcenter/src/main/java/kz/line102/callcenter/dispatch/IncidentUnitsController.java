package kz.line102.callcenter.dispatch;

import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.app.ForbiddenException;
import kz.line102.callcenter.app.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Units sent to a card: everyone who reads the card sees them; the duty officer sends, checks in and releases. */
@RestController
@RequestMapping("/api/v1/incidents/{id}/units")
class IncidentUnitsController {

    private final DispatchService dispatch;

    IncidentUnitsController(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    record Send(Long unitId) {
    }

    record Release(String note) {
    }

    @GetMapping
    List<Assignment> list(@PathVariable String id) {
        return dispatch.assignments(uuid(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Assignment send(Authentication auth, @PathVariable String id, @RequestBody Send body) {
        dutyOfficer(auth);
        if (body == null || body.unitId() == null) {
            throw new InvalidRequestException("name the unit to send: {\"unitId\": ...}");
        }
        return dispatch.assign(auth.getName(), uuid(id), body.unitId());
    }

    @PostMapping("/{unitId}/arrival")
    Assignment arrival(Authentication auth, @PathVariable String id, @PathVariable long unitId) {
        dutyOfficer(auth);
        return dispatch.arrive(auth.getName(), uuid(id), unitId);
    }

    @PostMapping("/{unitId}/release")
    Assignment release(Authentication auth, @PathVariable String id, @PathVariable long unitId,
                       @RequestBody(required = false) Release body) {
        dutyOfficer(auth);
        return dispatch.release(auth.getName(), uuid(id), unitId, body == null ? null : body.note());
    }

    private static void dutyOfficer(Authentication auth) {
        if (auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR"))) {
            throw new ForbiddenException("only the duty officer sends units and records their arrival");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + id + "' is not a card id (a UUID)");
        }
    }
}
