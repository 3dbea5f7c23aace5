package kz.line102.callcenter.watch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The books and registers over HTTP: their configuration, entries (search by period,
 * text and number, newest first, paged), CSV and PDF of the same search, and new entries.
 * {@code from} and {@code to} are local days (to inclusive) or instants (to exclusive).
 */
@RestController
@RequestMapping("/api/v1/watch/journals")
class JournalController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** An export takes up to this many entries of the search at once. */
    private static final int EXPORT_ROWS = 10_000;

    private final JournalService journals;
    private final WatchProperties props;
    private final JournalExport export;

    JournalController(JournalService journals, WatchProperties props, JournalExport export) {
        this.journals = journals;
        this.props = props;
        this.export = export;
    }

    record Config(Map<String, WatchProperties.Journal> journals, int maxText, String zone) {
    }

    @GetMapping
    Config config() {
        return new Config(new LinkedHashMap<>(props.journals()), props.maxText(), props.zone().getId());
    }

    /** The search across every book and register: the same filters, newest first. */
    @GetMapping("/entries")
    List<WatchStore.Entry> all(Authentication auth, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Integer number, @RequestParam(required = false) Integer year,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return journals.searchAll(auth.getName(), instant(from, false), instant(to, true), q, number, year, page, size);
    }

    @GetMapping("/{kind}/entries")
    List<WatchStore.Entry> entries(Authentication auth, @PathVariable String kind, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to, @RequestParam(required = false) String q,
                                   @RequestParam(required = false) Integer number, @RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return journals.search(kind, auth.getName(), instant(from, false), instant(to, true), q, number, year, page, size);
    }

    @GetMapping("/{kind}/entries.csv")
    ResponseEntity<byte[]> csv(Authentication auth, @PathVariable String kind, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Integer number, @RequestParam(required = false) Integer year,
                               @RequestParam(required = false) String lang) {
        return file(kind, auth, from, to, q, number, year, lang, "csv");
    }

    @GetMapping("/{kind}/entries.pdf")
    ResponseEntity<byte[]> pdf(Authentication auth, @PathVariable String kind, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Integer number, @RequestParam(required = false) Integer year,
                               @RequestParam(required = false) String lang) {
        return file(kind, auth, from, to, q, number, year, lang, "pdf");
    }

    @PostMapping("/{kind}/entries")
    ResponseEntity<WatchStore.Entry> append(Authentication auth, @PathVariable String kind,
                                            @RequestBody JournalService.NewEntry entry) {
        return ResponseEntity.status(HttpStatus.CREATED).body(journals.append(kind, auth.getName(), entry));
    }

    private ResponseEntity<byte[]> file(String kind, Authentication auth, String from, String to, String q, Integer number,
                                        Integer year, String lang, String format) {
        WatchTexts texts = WatchTexts.of(lang);
        List<WatchStore.Entry> entries = journals.search(kind, auth.getName(), instant(from, false), instant(to, true), q,
                number, year, 0, EXPORT_ROWS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = kind + "-" + texts.lang() + "." + format;
        if (format.equals("csv")) {
            export.csv(kind, entries, texts, out);
            return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(name).build().toString()).body(out.toByteArray());
        }
        export.pdf(kind, journals.journal(kind), entries, texts, out);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(name).build().toString()).body(out.toByteArray());
    }

    private Instant instant(String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.contains("T")) {
                return Instant.parse(value);
            }
            LocalDate day = LocalDate.parse(value);
            return (end ? day.plusDays(1) : day).atStartOfDay(props.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw WatchProblem.invalid("'" + value + "' is no day (2026-12-04) nor instant (2026-12-04T03:00:00Z)");
        }
    }
}
