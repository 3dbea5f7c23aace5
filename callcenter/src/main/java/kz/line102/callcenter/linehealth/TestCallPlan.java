package kz.line102.callcenter.linehealth;

import java.time.Duration;

import kz.line102.cti.sip.SipPeer;
import kz.line102.cti.sip.Transport;

/**
 * Where test calls go and what they must show; from line102.callcenter.line-health.test-call.
 * {@code budgets}: each end-to-end step on our side, counted from the test call's start.
 */
record TestCallPlan(SipPeer peer, String callerNumber, Duration answerTimeout, Duration media, Duration byeTimeout,
                    double maxLossPct, Budgets budgets, boolean requireCallRecord) {

    /** The steps' budgets: AMI events through the stream, call record, routing answer, recording archived. */
    record Budgets(Duration events, Duration callRecord, Duration routing, Duration recording) {

        /** All steps within one budget (tests). */
        static Budgets all(Duration budget) {
            return new Budgets(budget, budget, budget, budget);
        }

        Duration longest() {
            Duration max = events;
            for (Duration d : new Duration[] {callRecord, routing, recording}) {
                if (d.compareTo(max) > 0) {
                    max = d;
                }
            }
            return max;
        }
    }

    /** The call-record budget alone for every step (the earlier single budget). */
    TestCallPlan(SipPeer peer, String callerNumber, Duration answerTimeout, Duration media, Duration byeTimeout,
                 double maxLossPct, Duration callRecordBudget, boolean requireCallRecord) {
        this(peer, callerNumber, answerTimeout, media, byeTimeout, maxLossPct, Budgets.all(callRecordBudget),
                requireCallRecord);
    }

    static TestCallPlan of(LineHealthProperties.TestCall t) {
        return new TestCallPlan(new SipPeer(t.host(), t.port(), Transport.of(t.transport()), t.number()),
                t.callerNumber(), t.answerTimeout(), t.media(), t.byeTimeout(), t.maxLossPct(),
                new Budgets(t.eventsBudget(), t.callRecordBudget(), t.routingBudget(), t.recordingBudget()),
                t.requireCallRecord());
    }
}
