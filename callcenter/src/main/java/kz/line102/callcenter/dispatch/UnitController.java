package kz.line102.callcenter.dispatch;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The duty sheet: read by operators and supervisors, kept by the duty officer (and IT staff register units). */
@RestController
@RequestMapping("/api/v1/units")
class UnitController {

    private final DutySheetService sheet;
    private final IncidentService incidents;

    UnitController(DutySheetService sheet, IncidentService incidents) {
        this.sheet = sheet;
        this.incidents = incidents;
    }

    /** A unit with the KUI number of the card it is on: people name a card by its number, never its id. */
    record SheetRow(@JsonUnwrapped Unit unit, String kuiNumber) {
    }

    record Registration(String callSign, String kind) {
    }

    record Duty(List<String> crew, String route) {
    }

    record StatusChange(String status, String note) {
    }

    record Position(Double lat, Double lon) {
    }

    record Enabled(Boolean enabled) {
    }

    @GetMapping
    List<SheetRow> sheet(@RequestParam(defaultValue = "false") boolean all) {
        return sheet.sheet(!all).stream().map(u -> new SheetRow(u, u.incidentId() == null ? null
                : incidents.find(u.incidentId()).map(Incident::kuiNumber).orElse(null))).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Unit register(Authentication auth, @RequestBody Registration body) {
        return sheet.register(body.callSign(), body.kind(), auth.getName());
    }

    @GetMapping("/{id}")
    Unit get(@PathVariable long id) {
        return sheet.get(id);
    }

    @PostMapping("/{id}/duty")
    Unit duty(Authentication auth, @PathVariable long id, @RequestBody Duty body) {
        return sheet.startDuty(id, body.crew(), body.route(), auth.getName());
    }

    @PostMapping("/{id}/status")
    Unit status(Authentication auth, @PathVariable long id, @RequestBody StatusChange body) {
        return sheet.setStatus(id, body.status(), auth.getName(), body.note());
    }

    @PostMapping("/{id}/position")
    Unit position(Authentication auth, @PathVariable long id, @RequestBody Position body) {
        return sheet.position(id, body.lat(), body.lon(), auth.getName());
    }

    @PostMapping("/{id}/enabled")
    Unit enabled(Authentication auth, @PathVariable long id, @RequestBody Enabled body) {
        if (body.enabled() == null) {
            throw new InvalidRequestException("'enabled' must be true or false");
        }
        return sheet.setEnabled(id, body.enabled(), auth.getName());
    }

    @GetMapping("/{id}/timeline")
    List<UnitEvent> timeline(@PathVariable long id, @RequestParam(defaultValue = "200") int limit) {
        return sheet.timeline(id, limit);
    }
}
