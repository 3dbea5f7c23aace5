package kz.line102.callcenter.security;

import static kz.line102.callcenter.security.Role.ADMIN;
import static kz.line102.callcenter.security.Role.AUDITOR;
import static kz.line102.callcenter.security.Role.METRICS;
import static kz.line102.callcenter.security.Role.OPERATOR;
import static kz.line102.callcenter.security.Role.PERSONNEL;
import static kz.line102.callcenter.security.Role.SUPERVISOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.security.signin.MeteredPasswordEncoder;
import kz.line102.callcenter.security.signin.SignInEvents;
import kz.line102.callcenter.security.signin.SignInGuardFilter;
import kz.line102.callcenter.security.signin.SignInProperties;
import kz.line102.callcenter.security.signin.SignInThrottle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.HttpSessionIdResolver;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one table of who may call what. Pages sign in with a form and a session (CSRF
 * on); the API also takes HTTP Basic. Anything under {@code /api} not listed here is
 * refused, so a new endpoint is closed until someone decides who may use it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, NeedToKnowProperties.class, RequestLimitProperties.class,
        SignInProperties.class})
class SecurityConfiguration {

    @Bean
    SecurityFilterChain filters(HttpSecurity http, JsonMapper json, SignInThrottle throttle, MeterRegistry meters,
                                RateLimiter limiter, RequestLimitProperties limits, AccountSessions accounts,
                                UserService users, HttpSessionIdResolver sessionIds)
            throws Exception {
        SignInLanguage language = new SignInLanguage(users::language, sessionIds);
        ProblemResponses problems = new ProblemResponses(json);
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        // CSRF protects ambient credentials (the session cookie). A request with HTTP Basic
        // credentials was built by a client on purpose: browsers attach none by themselves
        // (see ProblemResponses), a foreign page cannot add one without a CORS pre-flight
        // this server never allows, and BasicCredentialsFilter makes such a request run on
        // those credentials alone (or end in 401), never on the session beside them. Any
        // other Authorization header (a bogus one, a bearer token) waives nothing.
        RequestMatcher basicCredentials = BasicCredentialsFilter::carriesBasic;
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(roles(ADMIN, METRICS))
                        .requestMatchers("/actuator/**").hasRole(ADMIN.name())
                        // The shell (shell/): the sign-in page, its scripts and texts, the error pages.
                        .requestMatchers("/login", "/login/**", "/error", "/error/**", "/i18n/**", "/common/**")
                        .permitAll()
                        .requestMatchers("/admin", "/admin/", "/admin/index.html", "/admin/admin.js", "/admin/admin.css")
                        .hasRole(ADMIN.name())
                        .requestMatchers("/admin/users", "/admin/users/**", "/admin/workstations", "/admin/workstations/**",
                                "/admin/units", "/admin/units/**", "/admin/registry", "/admin/registry/**")
                        .hasRole(ADMIN.name())
                        // The API document and Swagger UI (app.ApiDocumentation): IT staff only.
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").hasRole(ADMIN.name())
                        .requestMatchers("/ws/screenpop").hasRole(OPERATOR.name())
                        .requestMatchers("/ws/alerts").hasRole(SUPERVISOR.name())
                        .requestMatchers("/ws/stats").hasAnyRole(roles(SUPERVISOR, ADMIN))
                        .requestMatchers("/console", "/console/**").hasRole(OPERATOR.name())
                        .requestMatchers("/archive", "/archive/**").hasRole(AUDITOR.name())
                        .requestMatchers("/wallboard", "/wallboard/**").hasAnyRole(roles(SUPERVISOR, ADMIN))
                        .requestMatchers("/stats", "/stats/**").hasAnyRole(roles(SUPERVISOR, ADMIN))
                        .requestMatchers("/routing", "/routing/**").hasRole(ADMIN.name())
                        .requestMatchers("/supervisor", "/supervisor/**").hasRole(SUPERVISOR.name())
                        .requestMatchers("/admin/dead-letters", "/admin/dead-letters/**").hasRole(ADMIN.name())
                        .requestMatchers("/admin/preflight", "/admin/preflight/**").hasRole(ADMIN.name())
                        .requestMatchers("/reports", "/reports/**").hasRole(SUPERVISOR.name())
                        .requestMatchers("/watch", "/watch/**").hasRole(SUPERVISOR.name())
                        .requestMatchers("/line-health", "/line-health/**").hasAnyRole(roles(SUPERVISOR, ADMIN))
                        // The employee's own file: every person (METRICS is none).
                        .requestMatchers("/certification/mine", "/certification/mine/**")
                        .hasAnyRole(roles(PEOPLE))
                        .requestMatchers("/certification", "/certification/**").hasAnyRole(roles(SUPERVISOR, PERSONNEL))
                        .requestMatchers(GET, "/api/v1/session").authenticated()
                        // Each user's own language, kept for every browser they sign in on (shell).
                        .requestMatchers(PUT, "/api/v1/session/language").authenticated()
                        .requestMatchers(GET, "/api/v1/calls", "/api/v1/calls/*")
                        .hasAnyRole(roles(SUPERVISOR, AUDITOR, ADMIN))
                        .requestMatchers(GET, "/api/v1/callers/*").hasAnyRole(roles(OPERATOR, SUPERVISOR))
                        .requestMatchers("/api/v1/operators/me", "/api/v1/operators/me/**")
                        .hasAnyRole(roles(OPERATOR, SUPERVISOR))
                        .requestMatchers(GET, "/api/v1/operators/states", "/api/v1/operators/state-changes")
                        .hasAnyRole(roles(SUPERVISOR, ADMIN))
                        // Operators only for themselves: OperatorController checks the name.
                        .requestMatchers(GET, "/api/v1/operators/*").hasAnyRole(roles(OPERATOR, SUPERVISOR, ADMIN))
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN.name())
                        // The archive is the auditors' alone, metadata included: a search by
                        // number is itself an intrusion and needs a recorded legal basis. Refused
                        // attempts at audio are written to audit_log (archive.RefusedAudioAuditor).
                        .requestMatchers(POST, "/api/v1/archive/requests").hasRole(AUDITOR.name())
                        .requestMatchers(GET, "/api/v1/archive/recordings", "/api/v1/archive/recordings/*/audio",
                                "/api/v1/archive/recordings/*/manifest", "/api/v1/archive/recordings/*/download")
                        .hasRole(AUDITOR.name())
                        // Legal holds are placed and lifted by the archive's authorised employees;
                        // what is kept, what the next purge deletes and the audit log are also
                        // for IT staff to read. Nobody changes the audit log.
                        .requestMatchers(POST, "/api/v1/archive/recordings/*/holds", "/api/v1/archive/holds/*/lift")
                        .hasRole(AUDITOR.name())
                        .requestMatchers(GET, "/api/v1/archive/recordings/*/holds", "/api/v1/archive/retention/**",
                                "/api/v1/archive/audit-log", "/api/v1/archive/audit-log/verification")
                        .hasAnyRole(roles(AUDITOR, ADMIN))
                        // Routing rules, their versions, dry-run and audit: IT staff only.
                        .requestMatchers("/api/v1/routing/**").hasRole(ADMIN.name())
                        .requestMatchers(GET, "/api/v1/queues/live").hasAnyRole(roles(SUPERVISOR, ADMIN))
                        .requestMatchers("/api/v1/queues/**").hasRole(ADMIN.name())
                        // Alerts: the duty officer's to acknowledge; IT staff read them and send a
                        // delivery that gave up again.
                        .requestMatchers(POST, "/api/v1/alerts/*/acknowledgement").hasRole(SUPERVISOR.name())
                        .requestMatchers(POST, "/api/v1/alerts/*/outbound/resend").hasRole(ADMIN.name())
                        .requestMatchers(GET, "/api/v1/alerts", "/api/v1/alerts/*").hasAnyRole(roles(SUPERVISOR, ADMIN))
                        // The duty sheet: everyone on the floor reads it; the duty officer keeps
                        // it; IT staff register units and take them out of service.
                        .requestMatchers(GET, "/api/v1/units", "/api/v1/units/*", "/api/v1/units/*/timeline")
                        .hasAnyRole(roles(OPERATOR, SUPERVISOR, ADMIN))
                        .requestMatchers(POST, "/api/v1/units", "/api/v1/units/*/enabled")
                        .hasAnyRole(roles(SUPERVISOR, ADMIN))
                        .requestMatchers(POST, "/api/v1/units/*/duty", "/api/v1/units/*/status",
                                "/api/v1/units/*/position").hasRole(SUPERVISOR.name())
                        // Incident cards: every desk reads them; operators and supervisors change them
                        // (which card and which change is decided by IncidentService).
                        .requestMatchers(GET, "/api/v1/incidents", "/api/v1/incidents/**")
                        .hasAnyRole(roles(OPERATOR, SUPERVISOR, AUDITOR, ADMIN))
                        .requestMatchers("/api/v1/incidents", "/api/v1/incidents/**")
                        .hasAnyRole(roles(OPERATOR, SUPERVISOR))
                        // The daily report: the duty officer signs it off; IT staff and auditors (who
                        // hand records to investigators and courts) read it, signed or not.
                        .requestMatchers(POST, "/api/v1/reports/daily/*/sign-off").hasRole(SUPERVISOR.name())
                        .requestMatchers(GET, "/api/v1/reports/daily", "/api/v1/reports/daily/*")
                        .hasAnyRole(roles(SUPERVISOR, AUDITOR, ADMIN))
                        // Queue statistics: the duty officer's and IT staff's to read.
                        .requestMatchers(POST, "/api/v1/stats/quarters/*/sign-off").hasRole(SUPERVISOR.name())
                        .requestMatchers(GET, "/api/v1/stats/**").hasAnyRole(roles(SUPERVISOR, ADMIN))
                        // A wallboard's queues and target: each for their own; IT staff set the default.
                        .requestMatchers(PUT, "/api/v1/stats/wallboard/defaults").hasRole(ADMIN.name())
                        .requestMatchers(PUT, "/api/v1/stats/wallboard").hasAnyRole(roles(SUPERVISOR, ADMIN))
                        .requestMatchers(DELETE, "/api/v1/stats/wallboard").hasAnyRole(roles(SUPERVISOR, ADMIN))
                        // The watch's hand-over, books and registers: the duty officer writes; IT staff
                        // and auditors read them.
                        .requestMatchers(POST, "/api/v1/watch/**").hasRole(SUPERVISOR.name())
                        .requestMatchers(GET, "/api/v1/watch/**").hasAnyRole(roles(SUPERVISOR, AUDITOR, ADMIN))
                        // Line health: supervisors watch it; IT staff manage targets and place test calls.
                        .requestMatchers(GET, "/api/v1/line-health/**").hasAnyRole(roles(SUPERVISOR, ADMIN))
                        .requestMatchers("/api/v1/line-health/**").hasRole(ADMIN.name())
                        // Certification (README, "Certification: who does what"). The personnel service
                        // (PERSONNEL) keeps the personal files; heads (SUPERVISOR) read them, approve the list,
                        // write the profile and, as a higher commission, decide appeals; commission members and
                        // secretaries are heads or personnel officers, and CommissionRoles checks who of them
                        // sits on the case's commission. IT staff (ADMIN) read only the audit, never a file.
                        // Every person reads their own file under /me (OwnFileService finds it by the account).
                        .requestMatchers(GET, "/api/v1/certification/audit").hasAnyRole(roles(AUDITOR, ADMIN))
                        .requestMatchers("/api/v1/certification/me", "/api/v1/certification/me/**")
                        .hasAnyRole(roles(PEOPLE))
                        .requestMatchers(POST, "/api/v1/certification/cases/*/attendance",
                                "/api/v1/certification/cases/*/questions", "/api/v1/certification/cases/*/votes",
                                "/api/v1/certification/cases/*/decision").hasAnyRole(roles(SUPERVISOR, PERSONNEL))
                        // Interview recordings (item 28): the personnel service's alone, their list too;
                        // refused attempts are written to audit_log
                        // (certification.recording.RefusedInterviewAccessAuditor).
                        .requestMatchers("/api/v1/certification/cases/*/recordings",
                                "/api/v1/certification/recordings/**").hasRole(PERSONNEL.name())
                        .requestMatchers(POST, "/api/v1/certification/lists/*/approval").hasRole(SUPERVISOR.name())
                        .requestMatchers(POST, "/api/v1/certification/appeals/*/decision",
                                "/api/v1/certification/cases/*/cancellation").hasRole(SUPERVISOR.name())
                        .requestMatchers(PUT, "/api/v1/certification/cases/*/profile").hasRole(SUPERVISOR.name())
                        .requestMatchers(POST, "/api/v1/certification/cases/*/profile/signature")
                        .hasRole(SUPERVISOR.name())
                        // Personnel record an acknowledgement signed on paper (an employee without an account).
                        .requestMatchers(POST, "/api/v1/certification/cases/*/profile/acknowledgement")
                        .hasRole(PERSONNEL.name())
                        // The secretary (a head or a personnel officer) marks the minutes; personnel the rest.
                        .requestMatchers(POST, "/api/v1/certification/cases/*/deadlines/*/done",
                                "/api/v1/certification/cases/*/stages").hasAnyRole(roles(SUPERVISOR, PERSONNEL))
                        .requestMatchers(GET, "/api/v1/certification/**").hasAnyRole(roles(SUPERVISOR, PERSONNEL))
                        .requestMatchers("/api/v1/certification/**").hasRole(PERSONNEL.name())
                        // Who read whose caller card, refusals and sign-in lockouts.
                        .requestMatchers(GET, "/api/v1/security/audit").hasAnyRole(roles(AUDITOR, ADMIN))
                        .requestMatchers("/api/**").denyAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .formLogin(f -> f.loginPage("/login").permitAll().successHandler(new SavedRequestAwareAuthenticationSuccessHandler() {
                    @Override
                    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                        Authentication authentication)
                            throws ServletException, IOException {
                        SessionGenerationFilter.remember(accounts, request, authentication.getName());
                        language.restore(request, response, authentication.getName());
                        super.onAuthenticationSuccess(request, response, authentication);
                    }
                }))
                .logout(Customizer.withDefaults())
                .csrf(c -> c.ignoringRequestMatchers(basicCredentials))
                // Before the CSRF check too: a locked attempt costs one Redis round trip, nothing more.
                .addFilterBefore(new SignInGuardFilter(throttle, meters, json), CsrfFilter.class)
                .addFilterBefore(new BasicCredentialsFilter(), BasicAuthenticationFilter.class)
                // A session whose account changed since sign-in is ended before anything is authorised.
                .addFilterBefore(new SessionGenerationFilter(accounts), BasicAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, limits, json), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAccessDeniedHandlerFor(problems, api)
                        // Pages: the container's 403, which shell/ErrorPages turns into the friendly page.
                        .defaultAccessDeniedHandlerFor(new org.springframework.security.web.access.AccessDeniedHandlerImpl(),
                                org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE))
                .headers(h -> h
                        // Swagger UI (IT staff only) sets styles inline and draws its icons from data:
                        // URIs; scripts stay this origin's alone there too.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                                new ContentSecurityPolicyHeaderWriter(CSP + "; style-src 'self' 'unsafe-inline'; "
                                        + "img-src 'self' data:")))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                                new ContentSecurityPolicyHeaderWriter(CSP)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        // Sent only on requests that came over TLS (a header on plain HTTP is ignored).
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    private static final String CSP = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    /** Every role that is a person (METRICS is a scraper's credential). */
    private static final Role[] PEOPLE = {OPERATOR, SUPERVISOR, AUDITOR, ADMIN, PERSONNEL};

    private static String[] roles(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }

    /** Hashes carry their algorithm ({@code {bcrypt}...}), so a later switch to Argon2 needs no migration. */
    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties props, SignInProperties signIn, MeterRegistry meters) {
        return new MeteredPasswordEncoder(new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(props.bcryptStrength()))), meters,
                signIn.checksAtOnce(), signIn.checkWait());
    }

    @Bean
    SignInThrottle signInThrottle(UnifiedJedis redis, SignInProperties props, kz.line102.callcenter.app.RedisKeys keys) {
        return new SignInThrottle(redis, props, keys);
    }

    @Bean
    SignInEvents signInEvents(SignInThrottle throttle, MeterRegistry meters, SecurityAudit audit) {
        return new SignInEvents(throttle, meters, audit);
    }

    /** Ahead of the security filters: an oversized body is refused before anyone reads it, signed in or not. */
    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(RequestLimitProperties limits, JsonMapper json) {
        FilterRegistrationBean<RequestSizeFilter> r = new FilterRegistrationBean<>(new RequestSizeFilter(limits, json));
        r.setOrder(-110);
        return r;
    }

    @Bean
    UserDetailsService userDetailsService(JdbcUserRepository users) {
        return username -> users.credentials(username)
                .map(c -> User.withUsername(c.account().username())
                        .password(c.passwordHash())
                        .roles(c.account().roles().stream().map(Role::name).toArray(String[]::new))
                        .disabled(!c.account().enabled())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
