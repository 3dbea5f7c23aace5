package kz.line102.callcenter.install.preflight;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The preflight for IT staff (ADMIN, under {@code /api/v1/admin/**}): runs every check now and
 * answers the findings in the request's language (Accept-Language: ru, kk or en; Russian
 * otherwise). Reads only: it changes nothing on the PBX or in the stores.
 */
@RestController
class PreflightController {

    private final Preflight preflight;

    PreflightController(Preflight preflight) {
        this.preflight = preflight;
    }

    @GetMapping("/api/v1/admin/preflight")
    Answer run(@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Locale language = PreflightTexts.language(acceptLanguage);
        PreflightReport report = preflight.run(false);
        PreflightTexts texts = preflight.texts();
        List<Shown> shown = report.findings().stream().map(f -> new Shown(f.id(), f.status().code(),
                texts.message(f, language), texts.fix(f, language))).toList();
        return new Answer(report.at(), language.getLanguage(), report.failed() ? "fail"
                : report.count(Finding.Status.WARN) > 0 ? "warn" : "ok", shown);
    }

    /** @param status fail when any finding failed, warn when any warned, ok otherwise */
    record Answer(Instant at, String language, String status, List<Shown> findings) {
    }

    /** @param fix what to change; null when nothing is to change */
    record Shown(String id, String status, String message, String fix) {
    }
}
