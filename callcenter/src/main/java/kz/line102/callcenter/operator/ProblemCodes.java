package kz.line102.callcenter.operator;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String INVALID_PAUSE_REASON = "invalid-pause-reason";
    public static final String NO_SUCH_WORKSTATION = "no-such-workstation";
    public static final String NOT_SIGNED_IN = "not-signed-in";
    public static final String OPERATOR_BUSY = "operator-busy";
    public static final String PBX_REFUSED = "pbx-refused";
    public static final String PBX_UNAVAILABLE = "pbx-unavailable";
    public static final String WORKSTATION_DISABLED = "workstation-disabled";
    public static final String WORKSTATION_EXISTS = "workstation-exists";
    public static final String WORKSTATION_OCCUPIED = "workstation-occupied";

    private ProblemCodes() {
    }
}
