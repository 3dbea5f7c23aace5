package kz.line102.callcenter.watch;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chief's hand-over by commission over HTTP: draw the act, each person signs it in their own account. */
@RestController
@RequestMapping("/api/v1/watch/commission/acts")
class CommissionController {

    private final CommissionService commission;

    CommissionController(CommissionService commission) {
        this.commission = commission;
    }

    @GetMapping
    List<CommissionService.Act> recent() {
        return commission.recent(50);
    }

    @GetMapping("/{id}")
    CommissionService.Act act(@PathVariable long id) {
        return commission.act(id);
    }

    @PostMapping
    ResponseEntity<CommissionService.Act> draw(Authentication auth, @RequestBody CommissionService.NewAct act) {
        return ResponseEntity.status(HttpStatus.CREATED).body(commission.draw(auth.getName(), act));
    }

    @PostMapping("/{id}/signatures")
    CommissionService.Act sign(Authentication auth, @PathVariable long id) {
        return commission.sign(id, auth.getName());
    }
}
