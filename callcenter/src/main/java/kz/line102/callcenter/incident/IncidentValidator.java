package kz.line102.callcenter.incident;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import kz.line102.callcenter.caller.PhoneNumbers.NumberStatus;
import kz.line102.callcenter.incident.JdbcIncidentRepository.Valid;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks a card field by field and reports every fault at once. A draft keeps whatever
 * the operator has typed so far (a half-filled person row, an IIN not yet complete): it
 * is refused only for what could not be stored at all (a category or priority outside the
 * list, coordinates off the globe, text too long, a list that is not a list). Everything
 * else, and what registration needs, is checked when the card is submitted.
 */
@Component
class IncidentValidator {

    static final int MAX_SHORT = 500;
    private static final Set<String> PERSON_FIELDS = Set.of("role", "name", "birthYear", "iin", "description");
    private static final Set<String> PERSON_ROLES = Set.of("applicant", "victim", "suspect", "witness", "other");
    private static final Set<String> VEHICLE_FIELDS = Set.of("plate", "make", "model", "colour", "description");
    private static final Pattern IIN = Pattern.compile("\\d{12}");
    private static final Pattern PLATE = Pattern.compile("[0-9A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі -]{2,15}");

    private final IncidentProperties props;
    private final PhoneNumbers numbers;
    private final Clock clock;
    private final Map<String, IncidentType> types;

    IncidentValidator(IncidentProperties props, PhoneNumbers numbers, Clock clock) {
        this.props = props;
        this.numbers = numbers;
        this.clock = clock;
        this.types = props.types().stream().collect(Collectors.toMap(IncidentType::code, Function.identity()));
    }

    Optional<IncidentType> type(String code) {
        return Optional.ofNullable(code == null ? null : types.get(code));
    }

    /** @param complete the card is being submitted: required fields must be there */
    Valid check(IncidentFields f, boolean complete) {
        List<FieldError> errors = new ArrayList<>();
        IncidentCategory category = null;
        if (blank(f.category())) {
            require(complete, errors, "category", "choose the category: " + List.of(IncidentCategory.values()));
        } else {
            try {
                category = IncidentCategory.valueOf(f.category().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("category", "not-a-category", List.of(f.category()), "'" + f.category()
                        + "' is not a category; use one of " + List.of(IncidentCategory.values())));
            }
        }
        String typeCode = trim(f.typeCode());
        if (typeCode == null) {
            require(complete, errors, "typeCode", "choose the type of the incident from the type list");
        } else if (!complete) {
            // The type list and its categories are checked on submit: a draft keeps the choice as made.
        } else if (!types.containsKey(typeCode)) {
            errors.add(new FieldError("typeCode", "unknown-type", List.of(typeCode),
                    "'" + typeCode + "' is not in the type list"));
        } else if (category != null && types.get(typeCode).category() != category) {
            errors.add(new FieldError("typeCode", "type '" + typeCode + "' belongs to category "
                    + types.get(typeCode).category() + ", not " + category));
        }
        if (f.priority() == null) {
            require(complete, errors, "priority", "give the priority, 1 (threat to life) to 4 (no urgency)");
        } else if (f.priority() < 1 || f.priority() > 4) {
            errors.add(new FieldError("priority", "priority-range", List.of(f.priority()),
                    "priority " + f.priority() + " is out of range: 1 to 4"));
        }
        String number = trim(f.callerNumber());
        String e164 = null;
        if (number != null) {
            length(errors, "callerNumber", number, 64);
            NormalizedNumber n = numbers.normalize(number, false);
            if (n.status() == NumberStatus.VALID) {
                e164 = n.e164();
            }
        }
        String callerName = trim(f.callerName());
        length(errors, "callerName", callerName, MAX_SHORT);
        String callerAddress = trim(f.callerAddress());
        length(errors, "callerAddress", callerAddress, MAX_SHORT);
        String scene = trim(f.sceneAddress());
        length(errors, "sceneAddress", scene, MAX_SHORT);
        boolean unknown = Boolean.TRUE.equals(f.sceneUnknown());
        checkScene(errors, scene, f.sceneLat(), f.sceneLon(), unknown, complete);
        String description = trim(f.description());
        if (description == null) {
            require(complete, errors, "description", "say what happened");
        } else {
            length(errors, "description", description, props.maxDescription());
        }
        String notes = trim(f.operatorNotes());
        length(errors, "operatorNotes", notes, props.maxNotes());
        JsonNode persons = list(errors, "persons", f.persons(), PERSON_FIELDS, complete ? this::checkPerson : NOTHING);
        JsonNode vehicles = list(errors, "vehicles", f.vehicles(), VEHICLE_FIELDS,
                complete ? this::checkVehicle : NOTHING);
        if (!errors.isEmpty()) {
            throw new InvalidIncidentException(errors);
        }
        return new Valid(category, typeCode, f.priority(), number, e164, callerName, callerAddress, scene,
                f.sceneLat(), f.sceneLon(), unknown, description, persons, vehicles, notes);
    }

    private static void checkScene(List<FieldError> errors, String scene, Double lat, Double lon, boolean unknown,
                                   boolean complete) {
        if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
            errors.add(new FieldError("sceneLat", "latitude " + lat + " is out of range: -90 to 90"));
        }
        if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
            errors.add(new FieldError("sceneLon", "longitude " + lon + " is out of range: -180 to 180"));
        }
        if (!complete) {
            return;
        }
        if ((lat == null) != (lon == null)) {
            errors.add(new FieldError(lat == null ? "sceneLat" : "sceneLon",
                    "give both coordinates of the scene, or neither"));
        }
        if (unknown && (scene != null || lat != null || lon != null)) {
            errors.add(new FieldError("sceneUnknown",
                    "the scene is marked unknown but an address or coordinates are given: keep one or the other"));
        } else if (complete && !unknown && scene == null && lat == null) {
            errors.add(new FieldError("sceneAddress", "required.scene", List.of(),
                    "give the scene address (or coordinates), or mark it unknown"));
        }
    }

    private interface ItemCheck {
        void check(List<FieldError> errors, String at, JsonNode item);
    }

    /** A draft's rows are kept as typed; their content is checked on submit. */
    private static final ItemCheck NOTHING = (errors, at, item) -> { };

    private JsonNode list(List<FieldError> errors, String field, JsonNode value, Set<String> allowed, ItemCheck check) {
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            errors.add(new FieldError(field, "must be a list of objects"));
            return value;
        }
        if (value.size() > props.maxPersons()) {
            errors.add(new FieldError(field, "at most " + props.maxPersons() + " entries, " + value.size() + " given"));
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String at = field + "[" + i + "]";
            if (!item.isObject()) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            for (Iterator<String> names = item.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                JsonNode v = item.get(name);
                if (!allowed.contains(name)) {
                    errors.add(new FieldError(at + "." + name, "unknown field; use " + allowed.stream().sorted().toList()));
                } else if (!name.equals("birthYear") && !v.isString() && !v.isNull()) {
                    errors.add(new FieldError(at + "." + name, "must be text"));
                } else if (v.isString() && v.asString().length() > MAX_SHORT) {
                    errors.add(new FieldError(at + "." + name, "longer than " + MAX_SHORT + " characters"));
                }
            }
            check.check(errors, at, item);
        }
        return value;
    }

    private void checkPerson(List<FieldError> errors, String at, JsonNode p) {
        if (text(p, "name") == null && text(p, "description") == null) {
            errors.add(new FieldError(at, "give at least the name or a description of the person"));
        }
        String role = text(p, "role");
        if (role != null && !PERSON_ROLES.contains(role)) {
            errors.add(new FieldError(at + ".role", "'" + role + "' is not a role; use " + PERSON_ROLES.stream().sorted().toList()));
        }
        String iin = text(p, "iin");
        if (iin != null && !IIN.matcher(iin).matches()) {
            errors.add(new FieldError(at + ".iin", "an IIN is 12 digits"));
        }
        JsonNode year = p.get("birthYear");
        if (year != null && !year.isNull()) {
            int now = LocalDate.now(clock.withZone(props.zone())).getYear();
            if (!year.isIntegralNumber() || year.asInt() < 1900 || year.asInt() > now) {
                errors.add(new FieldError(at + ".birthYear", "a year from 1900 to " + now));
            }
        }
    }

    private void checkVehicle(List<FieldError> errors, String at, JsonNode v) {
        String plate = text(v, "plate");
        if (plate == null && text(v, "description") == null) {
            errors.add(new FieldError(at, "give at least the plate or a description of the vehicle"));
        }
        if (plate != null && !PLATE.matcher(plate).matches()) {
            errors.add(new FieldError(at + ".plate", "'" + plate + "' is not a plate: 2 to 15 letters, digits, spaces or dashes"));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isString() || v.asString().isBlank() ? null : v.asString();
    }

    private static void require(boolean complete, List<FieldError> errors, String field, String message) {
        if (complete) {
            errors.add(new FieldError(field, "required." + field, List.of(), message));
        }
    }

    private static void length(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "too-long", List.of(max, value.length()),
                    "longer than " + max + " characters (" + value.length() + ")"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }

    static IncidentFields fieldsOf(Incident i) {
        return new IncidentFields(i.category() == null ? null : i.category().name(), i.typeCode(), i.priority(),
                i.callerNumber(), i.callerName(), i.callerAddress(), i.sceneAddress(), i.sceneLat(), i.sceneLon(),
                i.sceneUnknown(), i.description(), i.persons(), i.vehicles(), i.operatorNotes());
    }
}
