package kz.line102.callcenter.stats.web;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.stats.Evaluation;
import kz.line102.callcenter.stats.StatsService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The centre's evaluation: {@code GET /evaluation?period=watch|quarter&at=} (any period the
 * history takes), {@code GET /quarters/{2026-Q4}} (JSON or {@code .pdf?lang=}) and
 * {@code POST /quarters/{2026-Q4}/sign-off} (the duty officer; a frozen snapshot).
 */
@RestController
@RequestMapping("/api/v1/stats")
class QuarterController {

    private final Evaluation evaluation;
    private final StatsService stats;

    QuarterController(Evaluation evaluation, StatsService stats) {
        this.evaluation = evaluation;
        this.stats = stats;
    }

    @GetMapping("/evaluation")
    Evaluation.Summary evaluation(@RequestParam Map<String, String> q) {
        for (String k : q.keySet()) {
            if (!List.of("period", "at", "from", "to").contains(k)) {
                throw new InvalidRequestException("unknown parameter '" + k + "'");
            }
        }
        return evaluation.summary(stats.period(q.get("period"), q.get("at"), q.get("from"), q.get("to")));
    }

    @GetMapping("/quarters/{file}")
    ResponseEntity<?> quarter(@PathVariable String file, @RequestParam(required = false) String lang) {
        boolean pdf = file.endsWith(".pdf");
        Evaluation.Quarter q = evaluation.quarter(pdf ? file.substring(0, file.length() - 4) : file);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Report-State", q.state());
        if (q.sha256() != null) {
            answer.header("X-Report-SHA256", q.sha256());
        }
        if (!pdf) {
            return answer.body(q);
        }
        StatsTexts texts = StatsTexts.of(lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatsPdf.quarter(q, texts, out);
        return answer.contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename("quarter-" + q.quarter() + "-" + texts.lang() + ".pdf").build()
                        .toString()).body(out.toByteArray());
    }

    @PostMapping("/quarters/{quarter}/sign-off")
    Evaluation.Quarter signOff(@PathVariable String quarter, Authentication auth) {
        return evaluation.signOff(quarter, auth.getName());
    }
}
