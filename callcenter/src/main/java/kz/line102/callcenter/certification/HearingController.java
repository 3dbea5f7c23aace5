package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A commission's meeting and after it, under {@code /api/v1/certification}: observers'
 * applications (recorded by personnel). The URL table in {@code security} says who may do what.
 */
@RestController
@RequestMapping("/api/v1/certification")
class HearingController {

    private final ObserverService observers;

    HearingController(ObserverService observers) {
        this.observers = observers;
    }

    @PostMapping("/commissions/{id}/meetings/{date}/observers")
    ResponseEntity<Observer> apply(Authentication auth, @PathVariable long id,
                                   @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                   @RequestBody ObserverService.Application body) {
        return ResponseEntity.status(201).body(observers.apply(id, date, body, auth.getName()));
    }

    @GetMapping("/commissions/{id}/meetings/{date}/observers")
    List<Observer> observers(@PathVariable long id,
                             @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return observers.observers(id, date);
    }
}
