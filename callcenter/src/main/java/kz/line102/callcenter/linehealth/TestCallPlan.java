package kz.line102.callcenter.linehealth;

import java.time.Duration;

import kz.line102.cti.sip.SipPeer;
import kz.line102.cti.sip.Transport;

/** Where test calls go and what they must show; from line102.callcenter.line-health.test-call. */
record TestCallPlan(SipPeer peer, String callerNumber, Duration answerTimeout, Duration media, Duration byeTimeout,
                    double maxLossPct, Duration callRecordBudget, boolean requireCallRecord) {

    static TestCallPlan of(LineHealthProperties.TestCall t) {
        return new TestCallPlan(new SipPeer(t.host(), t.port(), Transport.of(t.transport()), t.number()),
                t.callerNumber(), t.answerTimeout(), t.media(), t.byeTimeout(), t.maxLossPct(), t.callRecordBudget(),
                t.requireCallRecord());
    }
}
