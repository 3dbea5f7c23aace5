package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service profile (item 10, annex 1): the direct head writes it, each save naming the
 * version it was made to, and signs it, which submits it (the PROFILE deadline, three weeks
 * before the meeting) and freezes it; the employee is acquainted with it under signature
 * (the ACKNOWLEDGEMENT deadline, two weeks before), may disagree and add information.
 */
@Service
public class ProfileService {

    private static final Logger log = LoggerFactory.getLogger(ProfileService.class);

    private final JdbcProfileRepository profiles;
    private final CaseService cases;
    private final CalendarService calendar;
    private final EmployeeService employees;
    private final CertificationAudit audit;
    private final CommissionRoles roles;

    ProfileService(JdbcProfileRepository profiles, CaseService cases, CalendarService calendar,
                   EmployeeService employees, CertificationAudit audit, CommissionRoles roles) {
        this.roles = roles;
        this.profiles = profiles;
        this.cases = cases;
        this.calendar = calendar;
        this.employees = employees;
        this.audit = audit;
    }

    public ServiceProfile profile(long caseId) {
        cases.certificationCase(caseId);
        return profiles.profile(caseId).orElseThrow(() -> CertificationProblem.notFound("profile", caseId));
    }

    /** Writes the profile (the first save, or a new version over {@code baseVersion}). */
    @Transactional(noRollbackFor = ProblemException.class)
    public ServiceProfile write(long caseId, Map<String, String> sections, Integer baseVersion, String by) {
        CertificationCase c = cases.certificationCase(caseId);
        try {
            roles.notOwnCase(c, by);
            Map<String, String> clean = sections(sections);
            if (!c.open()) {
                throw CertificationProblem.conflict(ProblemCodes.CASE_DECIDED, "case " + caseId + " was decided on "
                        + c.decidedOn());
            }
            ServiceProfile current = profiles.profile(caseId).orElse(null);
            if (current != null && current.signed()) {
                throw signed(current);
            }
            if (current == null) {
                profiles.insert(caseId, clean, by);
            } else if (baseVersion == null || baseVersion != current.version()
                    || !profiles.update(caseId, clean, baseVersion, by)) {
                throw new CertificationProblem(HttpStatus.CONFLICT, ProblemCodes.PROFILE_VERSION_CONFLICT, "the profile is at"
                        + " version " + current.version() + ", the change was made to " + baseVersion,
                        List.of(current.version()));
            }
            ServiceProfile saved = profile(caseId);
            audit.append(by, "profile-written", Map.of("caseId", caseId, "employeeId", c.employeeId(), "version",
                    saved.version(), "sections", clean.keySet()));
            log.info("employeeId={} caseId={} service profile version {} written by {}", c.employeeId(), caseId,
                    saved.version(), by);
            return saved;
        } catch (ProblemException e) {
            throw refused(by, c, e);
        }
    }

    /** The direct head signs the version read; every section but OTHER must be written. */
    @Transactional(noRollbackFor = ProblemException.class)
    public ServiceProfile sign(long caseId, Integer version, String by) {
        CertificationCase c = cases.certificationCase(caseId);
        try {
            roles.notOwnCase(c, by);
            ServiceProfile p = profile(caseId);
            if (p.signed()) {
                throw signed(p);
            }
            if (!by.equals(p.writtenBy())) {
                throw CertificationProblem.conflict(ProblemCodes.NOT_THE_AUTHOR, "the profile is signed by the head who wrote it ("
                        + p.writtenBy() + "), not " + by);
            }
            List<String> missing = new ArrayList<>();
            ServiceProfile.SECTIONS.stream().filter(s -> !"OTHER".equals(s))
                    .filter(s -> p.sections().getOrDefault(s, "").isBlank()).forEach(missing::add);
            if (!missing.isEmpty()) {
                throw new CertificationProblem(HttpStatus.CONFLICT, ProblemCodes.PROFILE_INCOMPLETE, "the profile lacks "
                        + missing, List.of(String.join(", ", missing)));
            }
            if (version == null || version != p.version() || !profiles.sign(caseId, version, by)) {
                throw new CertificationProblem(HttpStatus.CONFLICT, ProblemCodes.PROFILE_VERSION_CONFLICT, "the profile is at"
                        + " version " + p.version() + ", the signature was for " + version, List.of(p.version()));
            }
            LocalDate today = employees.today();
            calendar.doneBy(caseId, PreparationCalendar.Kind.PROFILE, today, by);
            audit.append(by, "profile-signed", Map.of("caseId", caseId, "employeeId", c.employeeId(), "version",
                    p.version()));
            log.info("employeeId={} caseId={} service profile version {} signed by {}", c.employeeId(), caseId,
                    p.version(), by);
            return profile(caseId);
        } catch (ProblemException e) {
            throw refused(by, c, e);
        }
    }

    /** The employee's acknowledgement under signature, recorded once (on {@code on}, today by default). */
    @Transactional(noRollbackFor = ProblemException.class)
    public ServiceProfile acknowledge(long caseId, boolean disagrees, String disagreement, String added, LocalDate on,
                                      String by) {
        CertificationCase c = cases.certificationCase(caseId);
        try {
            ServiceProfile p = profile(caseId);
            LocalDate day = on == null ? employees.today() : on;
            if (!p.signed()) {
                throw CertificationProblem.conflict(ProblemCodes.PROFILE_NOT_SIGNED, "the employee is acquainted with the"
                        + " profile once the head has signed it");
            }
            if (day.isAfter(employees.today())) {
                throw CertificationProblem.invalid(ProblemCodes.DATE_IN_FUTURE, "acknowledged on " + day + ", after today");
            }
            String reason = text(disagreement);
            if (disagrees && reason == null) {
                throw CertificationProblem.invalid(ProblemCodes.DISAGREEMENT_WITHOUT_REASON,
                        "a disagreement states what the employee disagrees with");
            }
            if (!profiles.acknowledge(p.id(), day, disagrees, reason, text(added), by)) {
                throw CertificationProblem.conflict(ProblemCodes.PROFILE_ACKNOWLEDGED, "the employee's acknowledgement of the"
                        + " profile is recorded already");
            }
            calendar.doneBy(caseId, PreparationCalendar.Kind.ACKNOWLEDGEMENT, day, by);
            audit.append(by, "profile-acknowledged", Map.of("caseId", caseId, "employeeId", c.employeeId(),
                    "disagrees", disagrees, "on", day.toString()));
            log.info("employeeId={} caseId={} service profile acknowledged on {}{}, recorded by {}", c.employeeId(),
                    caseId, day, disagrees ? " with disagreement" : "", by);
            return profile(caseId);
        } catch (ProblemException e) {
            throw refused(by, c, e);
        }
    }

    private static CertificationProblem signed(ServiceProfile p) {
        return CertificationProblem.conflict(ProblemCodes.PROFILE_SIGNED, "the profile was signed by " + p.signedBy() + " at "
                + p.signedAt() + " and cannot change");
    }

    /** The sections as annex 1 names them, trimmed; an unknown or overlong one is refused. */
    private static Map<String, String> sections(Map<String, String> given) {
        Map<String, String> clean = new LinkedHashMap<>();
        (given == null ? Map.<String, String>of() : given).forEach((k, v) -> {
            String key = k == null ? "" : k.trim().toUpperCase(Locale.ROOT);
            if (!ServiceProfile.SECTIONS.contains(key)) {
                throw new CertificationProblem(HttpStatus.BAD_REQUEST, ProblemCodes.UNKNOWN_PROFILE_SECTION, "no section '" + k
                        + "' in annex 1; the sections are " + ServiceProfile.SECTIONS, List.of(String.valueOf(k)));
            }
            String text = text(v);
            if (text != null && text.length() > ServiceProfile.MAX_SECTION) {
                throw new CertificationProblem(HttpStatus.BAD_REQUEST, ProblemCodes.PROFILE_SECTION_TOO_LONG, key + " has "
                        + text.length() + " characters, at most " + ServiceProfile.MAX_SECTION,
                        List.of(key, ServiceProfile.MAX_SECTION));
            }
            if (text != null) {
                clean.put(key, text);
            }
        });
        Map<String, String> ordered = new LinkedHashMap<>();
        ServiceProfile.SECTIONS.stream().filter(clean::containsKey).forEach(s -> ordered.put(s, clean.get(s)));
        return ordered;
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private RuntimeException refused(String by, CertificationCase c, ProblemException e) {
        audit.append(by, "refused", Map.of("caseId", c.id(), "employeeId", c.employeeId(), "code", e.code(),
                "reason", String.valueOf(e.getMessage())));
        log.warn("employeeId={} caseId={} profile refused for {}: {} {}", c.employeeId(), c.id(), by, e.code(),
                e.getMessage());
        return e;
    }
}
