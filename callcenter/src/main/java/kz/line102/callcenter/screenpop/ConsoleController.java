package kz.line102.callcenter.screenpop;

import java.security.Principal;
import java.util.List;

import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.call.JdbcCallRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConsoleController {

    private static final int RECENT = 20;

    private final JdbcCallRepository calls;

    ConsoleController(JdbcCallRepository calls) {
        this.calls = calls;
    }

    /**
     * The calls this operator answered, newest first: the ones the call record names them
     * for, wherever they sat; never what the desk's phone answered before they sat down.
     */
    @GetMapping("/api/v1/operators/me/calls")
    List<RecentCallView> myCalls(Principal who) {
        return calls.answeredBy(who.getName(), RECENT).stream().map(RecentCallView::of).toList();
    }

    record RecentCallView(String id, String callerNumber, String outcome, java.time.Instant offeredAt,
                          Integer waitSeconds, Integer talkSeconds) {
        static RecentCallView of(CallRecord r) {
            return new RecentCallView(r.id().value(), r.callerNumber(),
                    r.outcome() == null ? "in-progress" : r.outcome().code(), r.offeredAt(), r.waitSeconds(),
                    r.talkSeconds());
        }
    }
}
