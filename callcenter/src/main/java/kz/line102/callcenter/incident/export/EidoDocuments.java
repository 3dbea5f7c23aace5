package kz.line102.callcenter.incident.export;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentProperties;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.incident.IncidentType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A card as an Emergency Incident Data Object (NENA-STA-021, the JSON form EENA also
 * uses): one message with an incident component that points by {@code $ref} at the
 * location, person, vehicle, notes, agency and call components. The incident tracking
 * identifier is the card's id as an {@code urn:emergency:uid:incidentid} URN, the KUI
 * number is the local incident identifier; our own codes (type, category, status) go in
 * {@code *LocalCode} fields beside the common-registry texts, as the standard allows for
 * values outside its registries. Timestamps carry the centre's offset. The document of a
 * version never changes: it is built from that version of the card only.
 */
@Component
public class EidoDocuments {

    static final String MEDIA_TYPE = "application/emergency.eido+json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final IncidentService incidents;
    private final ZoneId zone;

    EidoDocuments(IncidentService incidents, IncidentProperties props) {
        this.incidents = incidents;
        this.zone = props.zone();
    }

    /** The message identifier: one per card version. */
    static String messageId(Incident card) {
        return "urn:line102:eido:" + card.id() + ":v" + card.version();
    }

    public ObjectNode document(Incident card) {
        Optional<IncidentType> type = card.typeCode() == null ? Optional.empty() : incidents.type(card.typeCode());
        ObjectNode eido = NODES.objectNode();
        eido.put("$id", messageId(card));
        eido.put("eidoMessageIdentifier", messageId(card));
        eido.put("lastUpdateTimeStamp", time(card.updatedAt()));
        eido.put("sendingSystemIdentifier", "urn:line102:" + card.unitCode());
        eido.put("messageKind", card.status() == IncidentStatus.CLOSED ? "Closed" : "Report");

        ObjectNode incident = eido.putArray("incidentComponent").addObject();
        incident.put("$id", "incident");
        incident.put("incidentTrackingIdentifier", "urn:emergency:uid:incidentid:" + card.id() + ":line102."
                + card.unitCode().toLowerCase(java.util.Locale.ROOT));
        putText(incident, "localIncidentIdentifier", card.kuiNumber());
        incident.put("lastUpdateTimeStamp", time(card.updatedAt()));
        incident.put("incidentCreationTimeStamp", time(card.createdAt()));
        putText(incident, "incidentSubmittedTimeStamp", time(card.submittedAt()));
        putText(incident, "incidentRegisteredTimeStamp", time(card.registeredAt()));
        putText(incident, "incidentClosedTimeStamp", time(card.closedAt()));
        putText(incident, "incidentTypeCommonRegistryText", type.map(t -> t.names().get("en")).orElse(null));
        putText(incident, "incidentTypeLocalCode", card.typeCode());
        putText(incident, "incidentTypeLocalText", type.map(t -> t.names().get("ru")).orElse(null));
        putText(incident, "incidentCategoryLocalCode", card.category() == null ? null : card.category().name());
        putText(incident, "incidentSeverityLocalCode", type.map(IncidentType::seriousness).orElse(null));
        if (card.priority() != null) {
            incident.put("incidentCommonPriorityNumber", card.priority());
        }
        incident.put("incidentStatusCommonRegistryText", commonStatus(card.status()));
        incident.put("incidentStatusLocalCode", card.status().name());
        putText(incident, "incidentDispositionText", card.result());
        incident.putArray("locationReference").addObject().put("$ref", "location-scene");
        incident.putArray("agencyReference").addObject().put("$ref", "agency");

        location(eido, card);
        ArrayNode personRefs = persons(eido, card);
        if (!personRefs.isEmpty()) {
            incident.set("personReference", personRefs);
        }
        ArrayNode vehicleRefs = vehicles(eido, card);
        if (!vehicleRefs.isEmpty()) {
            incident.set("vehicleReference", vehicleRefs);
        }
        ArrayNode noteRefs = notes(eido, card);
        if (!noteRefs.isEmpty()) {
            incident.set("notesReference", noteRefs);
        }
        ArrayNode callRefs = calls(eido, card);
        if (!callRefs.isEmpty()) {
            incident.set("callReference", callRefs);
        }
        ObjectNode agency = eido.putArray("agencyComponent").addObject();
        agency.put("$id", "agency");
        agency.put("agencyIdentifier", card.unitCode());
        agency.put("agencyName", "102 " + card.unitCode());
        agency.put("agencyTypeCommonRegistryText", "Law Enforcement");
        return eido;
    }

    private void location(ObjectNode eido, Incident card) {
        ObjectNode location = eido.putArray("locationComponent").addObject();
        location.put("$id", "location-scene");
        location.put("locationTypeDescription", "incident scene");
        location.put("locationUnknownIndicator", card.sceneUnknown());
        putText(location, "civicAddressText", card.sceneAddress());
        if (card.sceneLat() != null && card.sceneLon() != null) {
            ObjectNode point = location.putObject("wgs84Point");
            point.put("latitude", card.sceneLat());
            point.put("longitude", card.sceneLon());
        }
    }

    private ArrayNode persons(ObjectNode eido, Incident card) {
        ArrayNode refs = NODES.arrayNode();
        ArrayNode persons = NODES.arrayNode();
        if (card.callerNumber() != null || card.callerName() != null) {
            ObjectNode caller = persons.addObject();
            caller.put("$id", "person-caller");
            caller.put("personRoleCommonRegistryText", "Caller");
            putText(caller, "personNameText", card.callerName());
            putText(caller, "personPhoneNumber", card.callerNumberE164() != null ? card.callerNumberE164()
                    : card.callerNumber());
            putText(caller, "personAddressText", card.callerAddress());
            refs.addObject().put("$ref", "person-caller");
        }
        int n = 0;
        for (JsonNode p : list(card.persons())) {
            String id = "person-" + ++n;
            ObjectNode person = persons.addObject();
            person.put("$id", id);
            putText(person, "personRoleLocalCode", text(p, "role"));
            putText(person, "personNameText", text(p, "name"));
            if (p.hasNonNull("birthYear")) {
                person.put("personBirthYear", p.get("birthYear").asInt());
            }
            putText(person, "personIdentificationNumber", text(p, "iin"));
            putText(person, "personDescriptionText", text(p, "description"));
            refs.addObject().put("$ref", id);
        }
        if (!persons.isEmpty()) {
            eido.set("personComponent", persons);
        }
        return refs;
    }

    private ArrayNode vehicles(ObjectNode eido, Incident card) {
        ArrayNode refs = NODES.arrayNode();
        ArrayNode vehicles = NODES.arrayNode();
        int n = 0;
        for (JsonNode v : list(card.vehicles())) {
            String id = "vehicle-" + ++n;
            ObjectNode vehicle = vehicles.addObject();
            vehicle.put("$id", id);
            putText(vehicle, "vehicleLicensePlateText", text(v, "plate"));
            putText(vehicle, "vehicleMakeText", text(v, "make"));
            putText(vehicle, "vehicleModelText", text(v, "model"));
            putText(vehicle, "vehicleColorText", text(v, "colour"));
            putText(vehicle, "vehicleDescriptionText", text(v, "description"));
            refs.addObject().put("$ref", id);
        }
        if (!vehicles.isEmpty()) {
            eido.set("vehicleComponent", vehicles);
        }
        return refs;
    }

    private ArrayNode notes(ObjectNode eido, Incident card) {
        ArrayNode refs = NODES.arrayNode();
        ArrayNode notes = NODES.arrayNode();
        note(notes, refs, "note-description", "description", card.description(), card.createdBy(),
                card.submittedAt() != null ? card.submittedAt() : card.updatedAt());
        note(notes, refs, "note-operator", "operator-notes", card.operatorNotes(), card.createdBy(),
                card.submittedAt() != null ? card.submittedAt() : card.updatedAt());
        note(notes, refs, "note-result", "result", card.result(), null, card.updatedAt());
        if (!notes.isEmpty()) {
            eido.set("notesComponent", notes);
        }
        return refs;
    }

    private void note(ArrayNode notes, ArrayNode refs, String id, String kind, String text, String author,
                      Instant at) {
        if (text == null || text.isBlank()) {
            return;
        }
        ObjectNode note = notes.addObject();
        note.put("$id", id);
        note.put("noteKindLocalCode", kind);
        note.put("noteText", text);
        putText(note, "noteAuthorText", author);
        putText(note, "noteDateTimeStamp", time(at));
        refs.addObject().put("$ref", id);
    }

    private ArrayNode calls(ObjectNode eido, Incident card) {
        ArrayNode refs = NODES.arrayNode();
        if (card.calls() == null || card.calls().isEmpty()) {
            return refs;
        }
        ArrayNode calls = eido.putArray("callComponent");
        int n = 0;
        for (Incident.LinkedCall c : card.calls()) {
            String id = "call-" + ++n;
            ObjectNode call = calls.addObject();
            call.put("$id", id);
            call.put("callIdentifier", c.callId());
            putText(call, "callRecordingIdentifier", c.recordingId());
            call.put("callRepeatIndicator", c.repeat());
            putText(call, "callLinkedTimeStamp", time(c.linkedAt()));
            refs.addObject().put("$ref", id);
        }
        return refs;
    }

    /** Our statuses in the words of the incident status registry. */
    static String commonStatus(IncidentStatus status) {
        switch (status) {
            case DRAFT:
            case SUBMITTED:
                return "Pending";
            case REGISTERED:
                return "Active";
            case DISPATCHED:
                return "Dispatched";
            case ARRIVED:
                return "OnScene";
            case WORKED_OFF:
                return "Cleared";
            case CLOSED:
                return "Closed";
            case CANCELLED:
                return "Cancelled";
            default:
                throw new IllegalArgumentException("no EIDO status for " + status);
        }
    }

    private String time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, zone).toString();
    }

    private static Iterable<JsonNode> list(JsonNode node) {
        return node != null && node.isArray() ? node : NODES.arrayNode();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
