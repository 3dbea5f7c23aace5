package kz.line102.callcenter.operator;

import kz.line102.callcenter.app.RequestParams;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator states: the operator's own (read, ready, pause with a reason) and everyone's
 * for supervisors, with the timeline of changes.
 */
@RestController
class OperatorStateController {

    private final OperatorStateService states;
    private final OperatorStateMirror mirror;

    OperatorStateController(OperatorStateService states, OperatorStateMirror mirror) {
        this.states = states;
        this.mirror = mirror;
    }

    record StateChange(String state, String reason) {
    }

    record MyState(OperatorState state, List<String> pauseReasons) {
    }

    @GetMapping("/api/v1/operators/me/state")
    MyState mine(Authentication auth) {
        return new MyState(states.state(auth.getName()), states.pauseReasons());
    }

    /** {@code {"state":"ready"}} or {@code {"state":"paused","reason":"meal"}}. */
    @PutMapping("/api/v1/operators/me/state")
    MyState change(Authentication auth, @RequestBody(required = false) StateChange body) {
        if (body == null || body.state() == null) {
            throw new InvalidRequestException("'state' is missing: 'ready' or 'paused' (with a 'reason')");
        }
        return new MyState(states.change(auth.getName(), body.state(), body.reason()), states.pauseReasons());
    }

    /** Every operator's state and since when, from the live copy every node shares (the database if it is away). */
    @GetMapping("/api/v1/operators/states")
    List<OperatorState> all() {
        List<OperatorState> live = mirror.all();
        return live != null ? live : states.all();
    }

    @GetMapping("/api/v1/operators/state-changes")
    List<Map<String, Object>> changes(@RequestParam(required = false) String username,
                                      @RequestParam(defaultValue = "100") String limit) {
        return states.history(username, RequestParams.integer("limit", limit, 1, 1000));
    }
}
