package kz.line102.callcenter.certification;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The certification papers as PDFs in Russian, Kazakh or English: the service profile
 * (annex 1), the voting list (annex 4), the minutes and the certification sheet (annex 5),
 * with the lines their signers sign on. The words are the {@code certification.*} keys of
 * the one message bundle.
 */
@Component
class CertificationPdf {

    static final List<String> KINDS = List.of("profile", "voting-list", "minutes", "sheet");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final CaseService cases;
    private final EmployeeService employees;
    private final ProfileService profiles;
    private final MessageSource messages;
    private final CertificationProperties props;

    CertificationPdf(CaseService cases, EmployeeService employees, ProfileService profiles, MessageSource messages,
                     CertificationProperties props) {
        this.cases = cases;
        this.employees = employees;
        this.profiles = profiles;
        this.messages = messages;
        this.props = props;
    }

    /** Writes document {@code kind} of the case in {@code lang} (ru unless kk or en). */
    void write(long caseId, String kind, String lang, OutputStream out) {
        CertificationCase c = cases.certificationCase(caseId);
        if (!KINDS.contains(kind)) {
            throw CertificationProblem.notFound("document", caseId);
        }
        Locale locale = Locale.forLanguageTag(List.of("kk", "en").contains(lang) ? lang : "ru");
        if (!"profile".equals(kind) && c.decidedOn() == null) {
            throw CertificationProblem.conflict(ProblemCodes.CASE_NOT_DECIDED, "the " + kind + " of case " + caseId
                    + " is written after the decision");
        }
        ServiceProfile profile = "profile".equals(kind) ? profiles.profile(caseId) : null;
        try (Paper paper = new Paper()) {
            Texts t = new Texts(locale);
            Employee e = employees.employee(c.employeeId());
            Commission commission = employees.commissionOf(c);
            switch (kind) {
                case "profile" -> profile(paper, t, c, e, profile);
                case "voting-list" -> votingList(paper, t, c, e, commission);
                case "minutes" -> minutes(paper, t, c, e, commission);
                default -> sheet(paper, t, c, e, commission);
            }
            paper.save(out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void head(Paper paper, Texts t, String title, CertificationCase c, Employee e) throws IOException {
        paper.title(t.t("pdf." + title));
        paper.field(t.t("pdf.employee"), e.fullName());
        paper.field(t.t("personnelNo"), e.personnelNo());
        paper.field(t.t("pdf.post"), post(e.id()));
        paper.field(t.t("pdf.kind"), t.t("pdf.kind." + (c.recertification() ? "RECERTIFICATION" : "FIRST")));
        paper.field(t.t("meetingOn"), day(c.meetingOn()));
    }

    private void profile(Paper paper, Texts t, CertificationCase c, Employee e, ServiceProfile p) throws IOException {
        head(paper, t, "profile", c, e);
        for (String s : ServiceProfile.SECTIONS) {
            paper.heading(t.t("section." + s));
            paper.body(p.sections().getOrDefault(s, "—"));
        }
        paper.gap(8);
        paper.body(p.signed() ? t.t("pdf.signedByHead") + ": " + p.signedBy() + ", "
                + day(p.signedAt().atZone(props.zone()).toLocalDate()) : t.t("pdf.notSigned"));
        paper.signature(t.t("pdf.headSign"), p.signed() ? p.signedBy() : null);
        ServiceProfile.Acknowledgement a = p.acknowledgement();
        paper.heading(t.t("pdf.acknowledged"));
        if (a != null) {
            paper.field(t.t("pdf.date"), day(a.acknowledgedOn()));
            if (a.disagrees()) {
                paper.field(t.t("disagreement"), a.disagreement());
            }
            if (a.addedInformation() != null) {
                paper.field(t.t("addedInformation"), a.addedInformation());
            }
        }
        paper.signature(t.t("pdf.employeeSign"), null);
    }

    private void votingList(Paper paper, Texts t, CertificationCase c, Employee e, Commission commission)
            throws IOException {
        head(paper, t, "votingList", c, e);
        paper.field(t.t("commission"), commission.name());
        Map<String, Object> decision = decision(c);
        paper.heading(t.t("pdf.votes"));
        votes(decision).forEach((who, vote) -> body(paper, who + " — " + t.t("pdf.decision."
                + Decision.parse(vote).name())));
        paper.heading(t.t("pdf.decision"));
        paper.body(t.t("pdf.decision." + c.outcome()));
        for (String who : present(decision)) {
            paper.signature(who, null);
        }
    }

    private void minutes(Paper paper, Texts t, CertificationCase c, Employee e, Commission commission)
            throws IOException {
        head(paper, t, "minutes", c, e);
        paper.field(t.t("commission"), commission.name());
        paper.field(t.t("pdf.decidedOn"), day(c.decidedOn()));
        Map<String, Object> decision = decision(c);
        List<String> present = present(decision);
        paper.field(t.t("pdf.members"), commission.members().size());
        paper.field(t.t("pdf.present"), present.size() + " (" + String.join(", ", present) + ")");
        stages(paper, t, c);
        paper.heading(t.t("pdf.votes"));
        votes(decision).forEach((who, vote) -> body(paper, who + " — " + t.t("pdf.decision."
                + Decision.parse(vote).name())));
        paper.heading(t.t("pdf.decision"));
        paper.body(t.t("pdf.decision." + c.outcome()));
        if (c.cancelledOn() != null) {
            paper.body(t.t("pdf.cancelled") + ": " + day(c.cancelledOn()));
        }
        for (String who : present) {
            paper.signature((who.equals(commission.chair()) ? t.t("pdf.chair") : t.t("pdf.member")) + " " + who,
                    null);
        }
        paper.signature(t.t("pdf.secretary") + " " + commission.secretary(), null);
    }

    private void sheet(Paper paper, Texts t, CertificationCase c, Employee e, Commission commission)
            throws IOException {
        head(paper, t, "sheet", c, e);
        paper.field(t.t("commission"), commission.name());
        stages(paper, t, c);
        paper.heading(t.t("pdf.decision"));
        paper.field(t.t("pdf.decidedOn"), day(c.decidedOn()));
        paper.body(t.t("pdf.decision." + c.outcome()));
        if (c.cancelledOn() != null) {
            paper.body(t.t("pdf.cancelled") + ": " + day(c.cancelledOn()));
        }
        paper.signature(t.t("pdf.chair") + " " + commission.chair(), null);
        paper.signature(t.t("pdf.secretary") + " " + commission.secretary(), null);
        paper.signature(t.t("pdf.employeeSign"), null);
    }

    private void stages(Paper paper, Texts t, CertificationCase c) throws IOException {
        paper.heading(t.t("pdf.stages"));
        for (CaseEntry entry : CaseService.current(cases.entries(c.id())).values()) {
            if (entry.stage() == Stage.PREPARATION || entry.stage() == Stage.DECISION) {
                continue;
            }
            paper.body(t.t("pdf.stage." + entry.stage()) + ": " + t.t("pdf.result." + entry.result())
                    + (entry.score() == null ? "" : " (" + t.t("score") + " " + entry.score() + ")")
                    + (entry.note() == null ? "" : "; " + entry.note()));
        }
    }

    private static void body(Paper paper, String text) {
        try {
            paper.body(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> decision(CertificationCase c) {
        return cases.entries(c.id()).stream().filter(x -> x.stage() == Stage.DECISION).reduce((a, b) -> b)
                .map(CaseEntry::detail).orElse(Map.of());
    }

    private static List<String> present(Map<String, Object> decision) {
        List<String> out = new ArrayList<>();
        if (decision.get("present") instanceof Collection<?> p) {
            p.forEach(x -> out.add(String.valueOf(x)));
        }
        out.sort(null);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> votes(Map<String, Object> decision) {
        Object v = decision.get("votes");
        return v instanceof Map<?, ?> m ? new java.util.TreeMap<>((Map<String, String>) m) : Map.of();
    }

    private String post(long employeeId) {
        List<Posting> p = employees.postings(employeeId);
        return p.isEmpty() ? null : p.get(p.size() - 1).post();
    }

    private static String day(LocalDate d) {
        return d == null ? "—" : DAY.format(d);
    }

    /** The {@code certification.*} words in one language. */
    private final class Texts {
        private final Locale locale;

        Texts(Locale locale) {
            this.locale = locale;
        }

        String t(String key) {
            return messages.getMessage("certification." + key, null, key, locale);
        }
    }
}
