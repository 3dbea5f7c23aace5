package kz.line102.callcenter.watch;

import java.util.List;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An entry's links to incident cards (and, by {@code /links?incident=}, a card's entries and
 * serious-event reports) and its attachments over HTTP. A file is sent as the raw
 * request body with its name in {@code name} and its type in Content-Type; it is served only
 * to the roles that read the journals (the URL-to-role table), as a download, never inline.
 */
@RestController
@RequestMapping("/api/v1/watch")
class EntryLinkController {

    private final EntryLinkService links;
    private final CardLinkService cards;

    EntryLinkController(EntryLinkService links, CardLinkService cards) {
        this.links = links;
        this.cards = cards;
    }

    record NewLink(String kui) {
    }

    @GetMapping("/entries/{id}/extras")
    EntryLinkService.Extras extras(@PathVariable long id) {
        return links.extras(id);
    }

    @PostMapping("/entries/{id}/incidents")
    EntryLinkService.Extras link(Authentication auth, @PathVariable long id, @RequestBody NewLink link) {
        return links.link(id, link.kui(), auth.getName());
    }

    @GetMapping("/incidents/{kui}/entries")
    List<EntryLinkStore.Link> entriesFor(Authentication auth, @PathVariable String kui) {
        return links.entriesFor(kui, auth.getName());
    }

    /** What the watch holds about one card (by its id): the entries linked to it and its serious-event reports. */
    @GetMapping("/links")
    CardLinkService.Links links(Authentication auth, @RequestParam String incident) {
        return cards.forIncident(incident, auth.getName());
    }

    @PostMapping("/entries/{id}/attachments")
    ResponseEntity<EntryLinkStore.Attachment> attach(Authentication auth, @PathVariable long id,
                                                     @RequestParam String name,
                                                     @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String type,
                                                     @RequestBody(required = false) byte[] content) {
        return ResponseEntity.status(HttpStatus.CREATED).body(links.attach(id, name, type, content, auth.getName()));
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> download(Authentication auth, @PathVariable long id) {
        EntryLinkService.Download d = links.download(id, auth.getName());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.attachment().name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", d.attachment().sha256())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }
}
