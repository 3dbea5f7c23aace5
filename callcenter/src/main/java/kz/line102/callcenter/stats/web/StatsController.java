package kz.line102.callcenter.stats.web;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.stats.LiveStats;
import kz.line102.callcenter.stats.OperatorTally;
import kz.line102.callcenter.stats.Period;
import kz.line102.callcenter.stats.StatsService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/stats}: {@code /history} (JSON, {@code .csv}, {@code .pdf}) of any period
 * grouped by time, queue, hour of day or day of week; {@code /operators} per operator;
 * {@code /live} the sliding windows now. Parameters: {@code period} (hour, watch, day,
 * week, month, quarter, custom), {@code at} (a local date or date-time inside it),
 * {@code from}/{@code to} (custom), {@code queue}, {@code operator}, {@code by},
 * {@code sl} (T, seconds), {@code short} (S, seconds), {@code lang} (exports).
 */
@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final StatsService stats;
    private final LiveStats live;

    StatsController(StatsService stats, LiveStats live) {
        this.stats = stats;
        this.live = live;
    }

    @GetMapping("/history")
    StatsService.History history(@RequestParam Map<String, String> q) {
        int[] t = thresholds(q);
        return stats.history(period(q), blank(q.get("queue")), q.get("by"), t[0], t[1]);
    }

    @GetMapping({"/history.csv", "/history.pdf"})
    ResponseEntity<byte[]> export(@RequestParam Map<String, String> q,
                                  jakarta.servlet.http.HttpServletRequest request) {
        boolean pdf = request.getRequestURI().endsWith(".pdf");
        int[] t = thresholds(q);
        Period p = period(q);
        StatsService.History h = stats.history(p, blank(q.get("queue")), q.get("by"), t[0], t[1]);
        StatsTexts texts = StatsTexts.of(q.get("lang"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = "stats-" + p.kind() + "-" + texts.lang() + (pdf ? ".pdf" : ".csv");
        if (pdf) {
            StatsPdf.write(h, texts, out);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline().filename(name).build().toString()).body(out.toByteArray());
        }
        StatsCsv.write(h, texts, out);
        return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(out.toByteArray());
    }

    record Operators(java.time.Instant from, java.time.Instant to, String zone, List<OperatorTally.Figures> operators) {
    }

    @GetMapping("/operators")
    Operators operators(@RequestParam Map<String, String> q) {
        Period p = period(q);
        return new Operators(p.from(), p.to(), stats.zone(),
                stats.operators(p, blank(q.get("queue")), blank(q.get("operator"))));
    }

    /** Calls per wait band over the period: the statistics page's and the wallboard's wait distribution. */
    @GetMapping("/waits")
    StatsService.Waits waits(@RequestParam Map<String, String> q) {
        return stats.waits(period(q), blank(q.get("queue")));
    }

    /** Operators' time signed in, ready, in wrap-up and paused per interval (or {@code by} hour, day…). */
    @GetMapping("/states")
    List<StatsService.StateTime> states(@RequestParam Map<String, String> q) {
        return stats.stateTime(period(q), blank(q.get("operator")), q.get("by"));
    }

    @GetMapping("/live")
    LiveStats.Snapshot live() {
        return live.snapshot();
    }

    private Period period(Map<String, String> q) {
        for (String k : q.keySet()) {
            if (!List.of("period", "at", "from", "to", "queue", "operator", "by", "sl", "short", "lang").contains(k)) {
                throw new InvalidRequestException("unknown parameter '" + k + "'");
            }
        }
        return stats.period(q.get("period"), q.get("at"), q.get("from"), q.get("to"));
    }

    private int[] thresholds(Map<String, String> q) {
        return stats.thresholds(seconds("sl", q.get("sl")), seconds("short", q.get("short")));
    }

    private static Integer seconds(String name, String v) {
        return v == null ? null : kz.line102.callcenter.app.RequestParams.integer(name, v, 0, 3600);
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
