package kz.line102.callcenter.operator;

import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import kz.line102.cti.QueueCommandException;
import org.springframework.http.HttpStatus;

/** The problems an operator state change can meet, each with its stable code. */
final class PbxProblems {

    private PbxProblems() {
    }

    /**
     * The PBX did not take the change: nothing changed on either side, so screens and
     * Asterisk still agree. 503: no AMI link, or no answer in time.
     */
    static class PbxUnavailableException extends ProblemException {
        PbxUnavailableException(String detail) {
            super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.PBX_UNAVAILABLE, detail);
        }
    }

    /** Asterisk answered with an error (its words are in the detail); nothing changed here. */
    static class PbxRefusedException extends ProblemException {
        PbxRefusedException(String detail) {
            super(HttpStatus.CONFLICT, ProblemCodes.PBX_REFUSED, detail);
        }
    }

    /** Another change of the same operator is still waiting for the PBX's answer. */
    static class OperatorBusyException extends ProblemException {
        OperatorBusyException(String username) {
            super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.OPERATOR_BUSY, "another change of " + username
                    + " is still waiting for the PBX's answer; try again");
        }
    }

    static class InvalidPauseReasonException extends ProblemException {
        private final List<String> allowed;

        InvalidPauseReasonException(String reason, List<String> allowed) {
            super(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_PAUSE_REASON, "pause reason '" + reason + "' is not one of "
                    + allowed, List.of(reason == null ? "" : reason));
            this.allowed = List.copyOf(allowed);
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("allowed", allowed);
        }
    }

    static class NotSignedInException extends ProblemException {
        NotSignedInException(String username) {
            super(HttpStatus.CONFLICT, ProblemCodes.NOT_SIGNED_IN, username + " is not signed in at a workstation");
        }
    }

    static ProblemException of(QueueCommandException e) {
        return switch (e.reason()) {
            case REFUSED -> new PbxRefusedException(e.getMessage());
            case TIMEOUT -> new PbxUnavailableException("the PBX did not answer in time (" + e.getMessage()
                    + "); your state is being checked against it");
            case PBX_UNAVAILABLE -> new PbxUnavailableException("no link to the PBX (" + e.getMessage()
                    + "): nothing was changed; the PBX keeps your state as it was");
        };
    }
}
