package kz.line102.callcenter.incident.export;

import java.util.UUID;

import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.security.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /api/v1/incidents/{id}/eido}: the card's current version as an EIDO document, its version as ETag. */
@RestController
class EidoController {

    private final IncidentService incidents;
    private final EidoDocuments eido;

    EidoController(IncidentService incidents, EidoDocuments eido) {
        this.incidents = incidents;
        this.eido = eido;
    }

    @GetMapping(path = "/api/v1/incidents/{id}/eido", produces = {MediaType.APPLICATION_JSON_VALUE,
            EidoDocuments.MEDIA_TYPE})
    ResponseEntity<ObjectNode> eido(Authentication auth, @PathVariable UUID id) {
        Incident card = incidents.read(Viewer.of(auth), id);
        return ResponseEntity.ok().eTag("\"" + card.version() + "\"").body(eido.document(card));
    }
}
