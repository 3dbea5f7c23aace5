package kz.line102.callcenter.dispatch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The electronic duty sheet: units are registered once, put on duty each watch with
 * their crew and patrol route, and change state only through here, so that every
 * change lands on the unit's timeline in the same transaction.
 */
@Service
public class DutySheetService {

    private static final Logger log = LoggerFactory.getLogger(DutySheetService.class);
    private static final int MAX_CREW = 12;
    private static final int MAX_NAME = 120;
    private static final int MAX_ROUTE = 200;
    private static final int MAX_TIMELINE = 1000;
    /** What the duty officer may set by hand; the card-bound states come with a dispatch. */
    private static final Set<UnitStatus> SET_BY_HAND = EnumSet.of(UnitStatus.AVAILABLE, UnitStatus.BUSY,
            UnitStatus.OFF_DUTY);

    private final JdbcUnitRepository units;

    DutySheetService(JdbcUnitRepository units) {
        this.units = units;
    }

    @Transactional
    public Unit register(String callSign, String kind, String by) {
        String sign = callSign == null ? "" : callSign.strip();
        if (sign.isEmpty() || sign.length() > 32) {
            throw new InvalidRequestException("'callSign' must be 1 to 32 characters",
                    "problem.invalid-request.unit-call-sign", List.of(32));
        }
        UnitKind k = UnitKind.ofCode(kind == null ? "" : kind).orElseThrow(() -> new InvalidRequestException(
                "'kind' must be one of patrol, dsog, traffic, other; got '" + kind + "'",
                "problem.invalid-request.unit-kind", List.of()));
        long id;
        try {
            id = units.insert(sign, k);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(ProblemCodes.UNIT_EXISTS, "a unit with call sign '" + sign + "' already exists");
        }
        units.history(id, UnitStatus.OFF_DUTY, by, null, null, null, Map.of("event", "registered"));
        log.info("unitId={} registered as {} ({}) by {}", id, sign, k.code(), by);
        return get(id);
    }

    public Unit get(long id) {
        return units.find(id).orElseThrow(() -> new NoSuchUnitException(id));
    }

    /** The duty sheet: units on duty now, or every unit. */
    public List<Unit> sheet(boolean onDutyOnly) {
        return units.all(onDutyOnly);
    }

    public List<Unit> onIncident(UUID incidentId) {
        return units.onIncident(incidentId);
    }

    /**
     * Puts the unit on duty for the watch with its crew and patrol route (or changes
     * them while on duty).
     */
    @Transactional
    public Unit startDuty(long id, List<String> crew, String route, String by) {
        List<String> names = crewOf(crew);
        String r = routeOf(route);
        Unit unit = locked(id);
        if (!unit.enabled()) {
            throw new ConflictException(ProblemCodes.UNIT_DISABLED, "unit " + unit.callSign() + " is disabled");
        }
        units.setDuty(id, names, r);
        Map<String, Object> detail = r == null ? Map.of("event", "duty", "crew", names)
                : Map.of("event", "duty", "crew", names, "route", r);
        if (unit.status() == UnitStatus.OFF_DUTY) {
            units.setStatus(id, UnitStatus.AVAILABLE, null);
            units.history(id, UnitStatus.AVAILABLE, by, null, unit.lat(), unit.lon(), detail);
            log.info("unitId={} {} on duty: crew {}, route {} (by {})", id, unit.callSign(), names, r, by);
        } else {
            units.history(id, unit.status(), by, unit.incidentId(), unit.lat(), unit.lon(), detail);
            log.info("unitId={} {} crew/route changed: {}, {} (by {})", id, unit.callSign(), names, r, by);
        }
        return get(id);
    }

    /**
     * IT staff's change of a unit's standing crew and patrol route: kept on the unit and on its
     * timeline, its status left as it is (the duty officer puts it on duty, with this crew or another).
     */
    @Transactional
    public Unit assignCrew(long id, List<String> crew, String route, String by) {
        List<String> names = crewOf(crew);
        String r = routeOf(route);
        Unit unit = locked(id);
        units.setDuty(id, names, r);
        Map<String, Object> detail = r == null ? Map.of("event", "crew", "crew", names)
                : Map.of("event", "crew", "crew", names, "route", r);
        units.history(id, unit.status(), by, unit.incidentId(), unit.lat(), unit.lon(), detail);
        log.info("unitId={} {} standing crew/route set: {}, {} (by {})", id, unit.callSign(), names, r, by);
        return get(id);
    }

    /** Available, busy or off duty. A unit on a card is released from it first. */
    @Transactional
    public Unit setStatus(long id, String status, String by, String note) {
        UnitStatus to = UnitStatus.ofCode(status == null ? "" : status).orElseThrow(() -> new InvalidRequestException(
                "'status' must be one of available, busy, off-duty; got '" + status + "'"));
        if (!SET_BY_HAND.contains(to)) {
            throw new InvalidRequestException("'" + to.code() + "' comes with sending the unit to an incident card,"
                    + " not by hand");
        }
        Unit unit = locked(id);
        if (unit.status().onCard()) {
            throw new ConflictException(ProblemCodes.UNIT_ON_CARD, "unit " + unit.callSign() + " is " + unit.status().code()
                    + " on card " + unit.incidentId() + "; release it from the card first");
        }
        if (unit.status() == UnitStatus.OFF_DUTY && to != UnitStatus.OFF_DUTY) {
            throw new ConflictException(ProblemCodes.UNIT_OFF_DUTY, "unit " + unit.callSign()
                    + " is off duty; put it on duty with its crew first");
        }
        if (unit.status() == to) {
            return unit;
        }
        units.setStatus(id, to, null);
        units.history(id, to, by, null, unit.lat(), unit.lon(), note == null ? Map.of() : Map.of("note", note));
        log.info("unitId={} {} {} -> {} (by {})", id, unit.callSign(), unit.status().code(), to.code(), by);
        return get(id);
    }

    @Transactional
    public Unit position(long id, Double lat, Double lon, String by) {
        if (lat == null || lon == null || lat.isNaN() || lon.isNaN() || lat < -90 || lat > 90 || lon < -180
                || lon > 180) {
            throw new InvalidRequestException("'lat' must be within -90..90 and 'lon' within -180..180");
        }
        locked(id);
        units.setPosition(id, lat, lon);
        log.debug("unitId={} position {}, {} (by {})", id, lat, lon, by);
        return get(id);
    }

    /** A disabled unit leaves the sheet; it must be off duty first. */
    @Transactional
    public Unit setEnabled(long id, boolean enabled, String by) {
        Unit unit = locked(id);
        if (!enabled && unit.status() != UnitStatus.OFF_DUTY) {
            throw new ConflictException(ProblemCodes.UNIT_ON_DUTY, "unit " + unit.callSign() + " is " + unit.status().code()
                    + "; take it off duty before disabling it");
        }
        units.setEnabled(id, enabled);
        log.info("unitId={} {} {} by {}", id, unit.callSign(), enabled ? "enabled" : "disabled", by);
        return get(id);
    }

    public List<UnitEvent> timeline(long id, int limit) {
        if (limit < 1 || limit > MAX_TIMELINE) {
            throw new InvalidRequestException("'limit' must be between 1 and " + MAX_TIMELINE);
        }
        get(id);
        return units.timeline(id, limit);
    }

    public List<UnitEvent> timelineOfIncident(UUID incidentId) {
        return units.timelineOfIncident(incidentId);
    }

    /** The moves that come with a card (sent, on scene, released from it); the caller holds the unit's lock. */
    void moveForCard(Unit unit, UnitStatus to, UUID incidentId, String by, Map<String, Object> detail) {
        units.setStatus(unit.id(), to, to.onCard() ? incidentId : null);
        units.history(unit.id(), to, by, incidentId, unit.lat(), unit.lon(), detail);
        log.info("unitId={} {} {} -> {} incidentId={} (by {})", unit.id(), unit.callSign(), unit.status().code(),
                to.code(), incidentId, by);
    }

    Unit locked(long id) {
        return units.lock(id).orElseThrow(() -> new NoSuchUnitException(id));
    }

    private static String routeOf(String route) {
        String r = route == null || route.isBlank() ? null : route.strip();
        if (r != null && r.length() > MAX_ROUTE) {
            throw new InvalidRequestException("'route' is longer than " + MAX_ROUTE + " characters",
                    "problem.invalid-request.unit-route", List.of(MAX_ROUTE));
        }
        return r;
    }

    private static List<String> crewOf(List<String> crew) {
        if (crew == null || crew.isEmpty()) {
            throw new InvalidRequestException("'crew' must name at least one officer",
                    "problem.invalid-request.unit-crew-empty", List.of());
        }
        if (crew.size() > MAX_CREW) {
            throw new InvalidRequestException("'crew' may name at most " + MAX_CREW + " officers",
                    "problem.invalid-request.unit-crew-size", List.of(MAX_CREW));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < crew.size(); i++) {
            String name = crew.get(i) == null ? "" : crew.get(i).strip();
            if (name.isEmpty() || name.length() > MAX_NAME) {
                throw new InvalidRequestException("'crew[" + i + "]' must be 1 to " + MAX_NAME + " characters",
                        "problem.invalid-request.unit-crew-name", List.of(i + 1, MAX_NAME));
            }
            names.add(name);
        }
        return List.copyOf(names);
    }
}
