package kz.line102.callcenter.screenpop;

import java.security.Principal;
import java.util.List;

import kz.line102.callcenter.call.CallQuery;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.operator.OperatorService;
import kz.line102.callcenter.operator.OperatorSession;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConsoleController {

    private static final int RECENT = 20;

    private final OperatorService operators;
    private final JdbcCallRepository calls;

    ConsoleController(OperatorService operators, JdbcCallRepository calls) {
        this.operators = operators;
        this.calls = calls;
    }

    /** The calls the signed-in operator's phone answered, newest first. */
    @GetMapping("/api/v1/operators/me/calls")
    List<RecentCallView> myCalls(Principal who) {
        OperatorSession at = operators.currentSession(who.getName()).orElse(null);
        if (at == null) {
            return List.of();
        }
        List<CallRecord> mine = calls.search(new CallQuery(null, null, null, null, null, false, at.extension(), 0,
                RECENT));
        return mine.stream().limit(RECENT).map(RecentCallView::of).toList();
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
