package kz.line102.callcenter.watch;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String ACT_SIGNED = "act-signed";
    public static final String ALREADY_SIGNED = "already-signed";
    public static final String ATTACHMENT_TOO_LARGE = "attachment-too-large";
    public static final String COMMISSION_TOO_SMALL = "commission-too-small";
    public static final String HANDOVER_INCOMPLETE = "handover-incomplete";
    public static final String HANDOVER_SIGNED = "handover-signed";
    public static final String INVALID_REQUEST = "invalid-request";
    public static final String NO_SUCH_ACT = "no-such-act";
    public static final String NO_SUCH_ATTACHMENT = "no-such-attachment";
    public static final String NO_SUCH_ENTRY = "no-such-entry";
    public static final String NO_SUCH_ITEM = "no-such-item";
    public static final String NO_SUCH_JOURNAL = "no-such-journal";
    public static final String NO_SUCH_KUI = "no-such-kui";
    public static final String NO_SUCH_REPORT = "no-such-report";
    public static final String NOT_THE_CHIEF = "not-the-chief";
    public static final String REPORT_SIGNED = "report-signed";
    public static final String NO_SUCH_ORIENTATION = "no-such-orientation";
    public static final String NOT_IN_COMMISSION = "not-in-commission";
    public static final String NOT_ON_ROSTER = "not-on-roster";
    public static final String ORIENTATION_CANCELLED = "orientation-cancelled";
    public static final String SAME_OFFICER = "same-officer";
    public static final String WATCH_CLOSED = "watch-closed";

    private ProblemCodes() {
    }
}
