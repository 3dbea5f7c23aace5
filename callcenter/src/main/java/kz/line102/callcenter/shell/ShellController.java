package kz.line102.callcenter.shell;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.line102.callcenter.app.ProblemTexts;
import kz.line102.callcenter.operator.OperatorService;
import kz.line102.callcenter.operator.OperatorSession;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The landing page per role, the sign-in page, the admin home and the session every page starts from. */
@Controller
class ShellController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ShellController.class);

    private final OperatorService operators;
    private final UserService users;
    private final ShellTemplates templates;
    private final String zone;

    /**
     * {@code zone}: the centre's, the one the watch and the cards are counted in; pages show
     * every time in it rather than in the browser's zone, which may be anything.
     */
    ShellController(OperatorService operators, UserService users, ShellTemplates templates,
                    @Value("${line102.callcenter.incidents.zone:Asia/Almaty}") String zone) {
        this.operators = operators;
        this.users = users;
        this.templates = templates;
        this.zone = java.time.ZoneId.of(zone).getId();
    }

    /** After sign-in: each role's own desk instead of an empty root. */
    @GetMapping("/")
    void landing(Authentication auth, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String to = Pages.landing(roles(auth));
        if (to == null) {
            // Signed in, but no page is for these roles (the Prometheus credential): the friendly 403.
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.sendRedirect(request.getContextPath() + to);
    }

    /** The sign-in form in the request's language, with the CSRF token in the form (no script needed to sign in). */
    @GetMapping("/login")
    ResponseEntity<String> login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .body(templates.render("login", ProblemTexts.locale(request), csrf == null ? "" : csrf.getToken()));
    }

    @GetMapping({"/admin", "/admin/"})
    String admin() {
        return "forward:/admin/index.html";
    }

    /**
     * Who is signed in, the centre's time zone, the pages their roles may open, the CSRF
     * token a page must send with its changes, the request's language and the user's own
     * ({@code userLanguage}, null while they chose none).
     */
    @GetMapping("/api/v1/session")
    @ResponseBody
    SessionView session(Authentication auth, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Set<String> roleNames = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", "")).collect(Collectors.toCollection(java.util.TreeSet::new));
        OperatorSession at = operators.currentSession(auth.getName()).orElse(null);
        List<PageView> pages = Pages.allowed(roles(auth)).stream()
                .map(p -> new PageView(p.path(), p.titleKey())).toList();
        return new SessionView(auth.getName(), roleNames, at == null ? null : at.workstation(),
                at == null ? null : at.extension(), csrf == null ? null : csrf.getHeaderName(),
                csrf == null ? null : csrf.getToken(), ProblemTexts.locale(request).getLanguage(),
                userLanguage(auth.getName()), zone, pages);
    }

    /** Best effort: the session answers without it when the database does not. */
    private String userLanguage(String username) {
        try {
            return users.language(username).orElse(null);
        } catch (org.springframework.dao.DataAccessException e) {
            log.warn("user={} language not read for the session: {}", username, e.toString());
            return null;
        }
    }

    static Set<Role> roles(Authentication auth) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (auth != null) {
            auth.getAuthorities().forEach(a -> Role.parse(a.getAuthority().replaceFirst("^ROLE_", ""))
                    .ifPresent(roles::add));
        }
        return roles;
    }

    record PageView(String path, String titleKey) {
    }

    record SessionView(String username, Set<String> roles, String workstation, String extension,
                       String csrfHeader, String csrfToken, String language, String userLanguage, String zone,
                       List<PageView> pages) {
    }
}
