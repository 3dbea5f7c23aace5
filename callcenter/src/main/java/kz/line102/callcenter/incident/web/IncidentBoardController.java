package kz.line102.callcenter.incident.web;

import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.app.ForbiddenException;
import kz.line102.callcenter.incident.FieldError;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.InvalidIncidentException;
import kz.line102.callcenter.incident.LiveIncidents;
import kz.line102.callcenter.incident.NoSuchIncidentException;
import kz.line102.callcenter.security.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reads behind the pages: the duty officer's live cards ({@code GET /live}) and
 * the card of a call the operator answered ({@code GET /of-call/{callId}}), which the
 * console polls until the draft opened on answer is there.
 */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentBoardController {

    private final LiveIncidents live;
    private final IncidentService incidents;

    IncidentBoardController(LiveIncidents live, IncidentService incidents) {
        this.live = live;
        this.incidents = incidents;
    }

    record CallCard(Incident incident, List<IncidentService.RepeatCandidate> repeatOf) {
    }

    @GetMapping("/live")
    LiveIncidents.Live live(Authentication auth) {
        // Operators read their own cards and single cards by id, not the whole centre's workload.
        boolean oversees = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR")
                || a.getAuthority().equals("ROLE_AUDITOR") || a.getAuthority().equals("ROLE_ADMIN"));
        if (!oversees) {
            throw new ForbiddenException("the live cards are for the duty officer, auditors and administrators");
        }
        return live.live();
    }

    @GetMapping("/of-call/{callId}")
    ResponseEntity<CallCard> ofCall(Authentication auth, @PathVariable String callId) {
        UUID id;
        try {
            id = UUID.fromString(callId.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentException(List.of(new FieldError("callId", "'" + callId + "' is not an id")));
        }
        IncidentService.Opened opened = live.ofCall(id)
                .orElseThrow(() -> new NoSuchIncidentException("for call " + id + " (yet)"));
        incidents.read(Viewer.of(auth), opened.incident().id());
        return ResponseEntity.ok().eTag("\"" + opened.incident().version() + "\"")
                .body(new CallCard(opened.incident(), opened.repeatOf()));
    }
}
