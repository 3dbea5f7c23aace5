package kz.line102.callcenter.incident.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.incident.Actor;
import kz.line102.callcenter.incident.FieldError;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentCategory;
import kz.line102.callcenter.incident.IncidentFields;
import kz.line102.callcenter.incident.IncidentProperties;
import kz.line102.callcenter.incident.IncidentQuery;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentService.RepeatCandidate;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.incident.IncidentTransition;
import kz.line102.callcenter.incident.IncidentType;
import kz.line102.callcenter.incident.InvalidIncidentException;
import kz.line102.callcenter.incident.VersionRequiredException;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Incident cards over HTTP. Every answer that carries a card carries its version as
 * the {@code ETag}; changes send it back as {@code If-Match} (or a {@code version}
 * field) and are refused with {@code 409 stale-version} when the card moved on.
 */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private static final Map<String, IncidentStatus> NAMED = Map.of("dispatch", IncidentStatus.DISPATCHED,
            "arrival", IncidentStatus.ARRIVED, "work-off", IncidentStatus.WORKED_OFF, "close", IncidentStatus.CLOSED,
            "cancel", IncidentStatus.CANCELLED);

    private final IncidentService incidents;
    private final IncidentProperties props;

    IncidentController(IncidentService incidents, IncidentProperties props) {
        this.incidents = incidents;
        this.props = props;
    }

    record OpenRequest(String callId) {
    }

    record OpenAnswer(Incident incident, boolean created, List<RepeatCandidate> repeatOf) {
    }

    record SubmitAnswer(Incident incident, List<RepeatCandidate> repeatOf) {
    }

    record EditRequest(Integer version, String category, String typeCode, Integer priority, String callerNumber,
                       String callerName, String callerAddress, String sceneAddress, Double sceneLat, Double sceneLon,
                       Boolean sceneUnknown, String description, JsonNode persons, JsonNode vehicles,
                       String operatorNotes) {
        IncidentFields fields() {
            return new IncidentFields(category, typeCode, priority, callerNumber, callerName, callerAddress,
                    sceneAddress, sceneLat, sceneLon, sceneUnknown, description, persons, vehicles, operatorNotes);
        }
    }

    record TransitionRequest(String to, Integer version, String result, JsonNode detail) {
    }

    record LinkRequest(String callId) {
    }

    record Page(List<Incident> items, int page, int size) {
    }

    @GetMapping("/types")
    List<IncidentType> types() {
        return incidents.types();
    }

    @PostMapping
    ResponseEntity<OpenAnswer> open(Authentication auth, @RequestBody(required = false) OpenRequest body) {
        UUID callId = body == null || body.callId() == null || body.callId().isBlank() ? null
                : uuid(body.callId(), "callId");
        IncidentService.Opened opened = incidents.open(actor(auth), callId);
        return withVersion(ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK),
                opened.incident()).body(new OpenAnswer(opened.incident(), opened.created(), opened.repeatOf()));
    }

    @GetMapping
    Page list(Authentication auth, @RequestParam(required = false) String status,
              @RequestParam(required = false) String category, @RequestParam(required = false) Integer priority,
              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
              @RequestParam(required = false) String operator, @RequestParam(required = false) String number,
              @RequestParam(required = false) String kui, @RequestParam(defaultValue = "0") int page,
              @RequestParam(required = false) Integer size) {
        int pageSize = size == null ? props.pageSize() : size;
        if (page < 0 || pageSize < 1 || pageSize > 500) {
            throw new InvalidRequestException("'page' is 0 or more and 'size' 1 to 500");
        }
        // An operator's list is their own cards; a single card (a repeat) they may open by id.
        String who = oversees(auth) ? blankToNull(operator) : auth.getName();
        // The duty officer searches the watch: earlier cards (by number above all) are the archive's.
        Viewer viewer = Viewer.of(auth);
        Instant since = instant(from, "from");
        if (viewer.is(Role.SUPERVISOR) && !viewer.is(Role.AUDITOR) && !viewer.is(Role.ADMIN)) {
            Instant watch = incidents.watchStart();
            since = since == null || since.isBefore(watch) ? watch : since;
        }
        IncidentQuery q = new IncidentQuery(parse(IncidentStatus.class, status, "status"),
                parse(IncidentCategory.class, category, "category"), priority, since,
                instant(to, "to"), who, blankToNull(number), blankToNull(kui), page, pageSize);
        return new Page(incidents.search(q), page, pageSize);
    }

    @GetMapping("/{id}")
    ResponseEntity<Incident> get(Authentication auth, @PathVariable String id) {
        Incident i = incidents.read(Viewer.of(auth), uuid(id, "id"));
        return withVersion(ResponseEntity.ok(), i).body(i);
    }

    @PutMapping("/{id}")
    ResponseEntity<Incident> edit(Authentication auth, @PathVariable String id,
                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                  @RequestBody EditRequest body) {
        Integer version = version(ifMatch, body.version());
        if (version == null) {
            throw new VersionRequiredException();
        }
        Incident i = incidents.edit(actor(auth), uuid(id, "id"), version, body.fields());
        return withVersion(ResponseEntity.ok(), i).body(i);
    }

    @PostMapping("/{id}/submit")
    ResponseEntity<SubmitAnswer> submit(Authentication auth, @PathVariable String id,
                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                        @RequestBody(required = false) TransitionRequest body) {
        IncidentService.Submitted s = incidents.submit(actor(auth), uuid(id, "id"),
                version(ifMatch, body == null ? null : body.version()));
        return withVersion(ResponseEntity.accepted(), s.incident()).body(new SubmitAnswer(s.incident(), s.repeatOf()));
    }

    @PostMapping("/{id}/transitions")
    ResponseEntity<Incident> transition(Authentication auth, @PathVariable String id,
                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                        @RequestBody TransitionRequest body) {
        IncidentStatus to = parse(IncidentStatus.class, body.to(), "to");
        if (to == null) {
            throw new InvalidIncidentException(List.of(new FieldError("to", "give the status to move the card to")));
        }
        return move(auth, id, ifMatch, body, to);
    }

    /** The named transitions: {@code /dispatch}, {@code /arrival}, {@code /work-off}, {@code /close}, {@code /cancel}. */
    @PostMapping("/{id}/{action:dispatch|arrival|work-off|close|cancel}")
    ResponseEntity<Incident> named(Authentication auth, @PathVariable String id, @PathVariable String action,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                   @RequestBody(required = false) TransitionRequest body) {
        return move(auth, id, ifMatch, body, NAMED.get(action));
    }

    @GetMapping("/{id}/transitions")
    List<IncidentTransition> timeline(Authentication auth, @PathVariable String id) {
        return incidents.timeline(Viewer.of(auth), uuid(id, "id"));
    }

    @PostMapping("/{id}/calls")
    ResponseEntity<Incident> link(Authentication auth, @PathVariable String id, @RequestBody LinkRequest body) {
        if (body == null || body.callId() == null || body.callId().isBlank()) {
            throw new InvalidIncidentException(List.of(new FieldError("callId", "give the call to link")));
        }
        Incident i = incidents.linkCall(actor(auth), uuid(id, "id"), uuid(body.callId(), "callId"));
        return withVersion(ResponseEntity.ok(), i).body(i);
    }

    private ResponseEntity<Incident> move(Authentication auth, String id, String ifMatch, TransitionRequest body,
                                          IncidentStatus to) {
        Integer version = version(ifMatch, body == null ? null : body.version());
        Incident i = incidents.transition(actor(auth), uuid(id, "id"), to, version,
                body == null ? null : body.detail(), body == null ? null : body.result());
        return withVersion(ResponseEntity.ok(), i).body(i);
    }

    private static ResponseEntity.BodyBuilder withVersion(ResponseEntity.BodyBuilder b, Incident i) {
        return b.eTag("\"" + i.version() + "\"");
    }

    private static Actor actor(Authentication auth) {
        boolean supervisor = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR"));
        return new Actor(auth.getName(), supervisor);
    }

    private static boolean oversees(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR")
                || a.getAuthority().equals("ROLE_AUDITOR") || a.getAuthority().equals("ROLE_ADMIN"));
    }

    /** If-Match ({@code "3"} or {@code W/"3"}) wins over a body field; both absent is null. */
    static Integer version(String ifMatch, Integer field) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return field;
        }
        String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match must be the card's ETag (\"<version>\"), not '" + ifMatch + "'");
        }
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentException(List.of(new FieldError(field, "'" + value + "' is not an id")));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidIncidentException(List.of(new FieldError(field, "'" + value + "' is not one of "
                    + List.of(type.getEnumConstants()))));
        }
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidIncidentException(List.of(new FieldError(field,
                    "'" + value + "' is not an ISO-8601 instant (2026-11-24T08:00:00Z)")));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
