package kz.line102.callcenter.dispatch;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String ALREADY_ARRIVED = "already-arrived";
    public static final String INCIDENT_CLOSED = "incident-closed";
    public static final String NO_SUCH_UNIT = "no-such-unit";
    public static final String NOT_ASSIGNED = "not-assigned";
    public static final String NOT_DISPATCHABLE = "not-dispatchable";
    public static final String UNIT_DISABLED = "unit-disabled";
    public static final String UNIT_EXISTS = "unit-exists";
    public static final String UNIT_OFF_DUTY = "unit-off-duty";
    public static final String UNIT_ON_CARD = "unit-on-card";
    public static final String UNIT_ON_DUTY = "unit-on-duty";

    private ProblemCodes() {
    }
}
