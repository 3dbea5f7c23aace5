package kz.line102.callcenter.caller;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.security.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CallerController {

    static final int MAX_NUMBER_CHARS = 64;

    private final CallerCardService cards;

    CallerController(CallerCardService cards) {
        this.cards = cards;
    }

    /**
     * {@code number} raw as the network gave it, URL-encoded ({@code %2B77172123456}).
     * A number that is not on one of the caller's calls needs a {@code reason} (query
     * parameter or {@code X-Lookup-Reason} header); see {@link CallerCardService#read}.
     */
    @GetMapping("/api/v1/callers/{number}")
    CallerCard card(Authentication auth, @PathVariable String number,
                    @RequestParam(required = false) String reason,
                    @RequestHeader(value = "X-Lookup-Reason", required = false) String reasonHeader) {
        if (number.isBlank() || number.length() > MAX_NUMBER_CHARS) {
            throw new InvalidRequestException("a caller number has 1 to " + MAX_NUMBER_CHARS + " characters");
        }
        return cards.read(Viewer.of(auth), number, reason != null && !reason.isBlank() ? reason : reasonHeader);
    }
}
