package kz.line102.callcenter.caller;

import kz.line102.callcenter.app.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CallerController {

    static final int MAX_NUMBER_CHARS = 64;

    private final CallerCardService cards;

    CallerController(CallerCardService cards) {
        this.cards = cards;
    }

    /** {@code number} raw as the network gave it, URL-encoded ({@code %2B77172123456}). */
    @GetMapping("/api/v1/callers/{number}")
    CallerCard card(@PathVariable String number) {
        if (number.isBlank() || number.length() > MAX_NUMBER_CHARS) {
            throw new InvalidRequestException("a caller number has 1 to " + MAX_NUMBER_CHARS + " characters");
        }
        return cards.cardFor(number);
    }
}
