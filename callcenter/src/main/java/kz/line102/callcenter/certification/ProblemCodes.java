package kz.line102.callcenter.certification;

/**
 * The problem codes this module answers with, in one place: each has its texts under
 * {@code problem.<code>} in the message bundle (ru, kk, en), and clients may rely on them.
 */
public final class ProblemCodes {

    public static final String ALREADY_LISTED = "already-listed";
    public static final String APPEAL_DECIDED = "appeal-decided";
    public static final String APPEAL_PENDING = "appeal-pending";
    public static final String APPEAL_TOO_LATE = "appeal-too-late";
    public static final String CASE_CANCELLED = "case-cancelled";
    public static final String CASE_DECIDED = "case-decided";
    public static final String CASE_NOT_DECIDED = "case-not-decided";
    public static final String CASE_OPEN = "case-open";
    public static final String COMMISSION_CYCLE = "commission-cycle";
    public static final String COMMISSION_EXISTS = "commission-exists";
    public static final String DATE_IN_FUTURE = "date-in-future";
    public static final String DEADLINE_BY_DOCUMENT = "deadline-by-document";
    public static final String DEADLINE_DONE = "deadline-done";
    public static final String DECISION_NOT_ALLOWED = "decision-not-allowed";
    public static final String DISAGREEMENT_WITHOUT_REASON = "disagreement-without-reason";
    public static final String EMPLOYEE_EXISTS = "employee-exists";
    public static final String FORMER_SUBORDINATE = "former-subordinate";
    public static final String IMPOSSIBLE_DATES = "impossible-dates";
    public static final String INTERVIEW_RECORDING_TOO_LARGE = "interview-recording-too-large";
    public static final String INTERVIEW_RECORDING_UNREADABLE = "interview-recording-unreadable";
    /** A video in a format the archive does not keep as it is (MP4 H.264/AAC and WebM VP8/VP9 are kept). */
    public static final String INTERVIEW_RECORDING_VIDEO = "interview-recording-video";
    public static final String INVALID_APPEAL = "invalid-appeal";
    public static final String INVALID_CANCELLATION = "invalid-cancellation";
    public static final String INVALID_COMMISSION = "invalid-commission";
    public static final String INVALID_EMPLOYEE = "invalid-employee";
    public static final String INVALID_POSTING = "invalid-posting";
    public static final String INVALID_REQUEST = "invalid-request";
    public static final String INVALID_RESULT = "invalid-result";
    public static final String INVALID_SCORE = "invalid-score";
    public static final String LIST_APPROVED = "list-approved";
    public static final String LIST_DRAFT_EXISTS = "list-draft-exists";
    public static final String LIST_INCOMPLETE = "list-incomplete";
    public static final String LIST_NOT_APPROVED = "list-not-approved";
    public static final String LIST_NOT_IN_FORCE = "list-not-in-force";
    public static final String LIST_NOT_LATEST = "list-not-latest";
    public static final String MEETING_BEFORE_DUE = "meeting-before-due";
    public static final String MEETING_OUTSIDE_PERIOD = "meeting-outside-period";
    public static final String MEETING_TOO_SOON = "meeting-too-soon";
    public static final String NO_MAJORITY = "no-majority";
    public static final String NO_MEETING = "no-meeting";
    public static final String NO_QUORUM = "no-quorum";
    public static final String NO_SERVICE = "no-service";
    public static final String NO_SUCH_INTERVIEW_RECORDING = "no-such-interview-recording";
    public static final String NO_SUCH_MEETING = "no-such-meeting";
    public static final String NOT_A_HIGHER_COMMISSION = "not-a-higher-commission";
    public static final String NOT_A_MEMBER = "not-a-member";
    public static final String NOT_ADMITTED = "not-admitted";
    public static final String NOT_THE_AUTHOR = "not-the-author";
    public static final String NOT_THE_STANDING_ENTRY = "not-the-standing-entry";
    public static final String OBSERVER_ALREADY_ADMITTED = "observer-already-admitted";
    public static final String OBSERVER_APPLICATION_LATE = "observer-application-late";
    public static final String OBSERVER_WINDOW_NOT_OPEN = "observer-window-not-open";
    public static final String OBSERVERS_FULL = "observers-full";
    public static final String OVERLAPPING_POSTS = "overlapping-posts";
    public static final String PROFILE_ACKNOWLEDGED = "profile-acknowledged";
    public static final String PROFILE_INCOMPLETE = "profile-incomplete";
    public static final String PROFILE_NOT_SIGNED = "profile-not-signed";
    public static final String PROFILE_SECTION_TOO_LONG = "profile-section-too-long";
    public static final String PROFILE_SIGNED = "profile-signed";
    public static final String PROFILE_VERSION_CONFLICT = "profile-version-conflict";
    public static final String RECERTIFICATION_TOO_EARLY = "recertification-too-early";
    public static final String STAGE_OUT_OF_ORDER = "stage-out-of-order";
    public static final String STAGE_RECORDED = "stage-recorded";
    public static final String TIE_WITHOUT_CHAIR = "tie-without-chair";
    public static final String UNKNOWN_APPEAL_OUTCOME = "unknown-appeal-outcome";
    public static final String UNKNOWN_DEADLINE = "unknown-deadline";
    public static final String UNKNOWN_DECISION = "unknown-decision";
    public static final String UNKNOWN_POSTING_KIND = "unknown-posting-kind";
    public static final String UNKNOWN_PROFILE_SECTION = "unknown-profile-section";
    public static final String UNKNOWN_STAGE = "unknown-stage";
    public static final String VOTES_DO_NOT_MATCH = "votes-do-not-match";
    // The per-commission roles and the employee's own file.
    public static final String ACCOUNT_LINKED = "account-linked";
    public static final String INVALID_QUESTION = "invalid-question";
    public static final String NOT_ON_COMMISSION = "not-on-commission";
    public static final String NOT_PRESENT = "not-present";
    public static final String NOT_THE_SECRETARY = "not-the-secretary";
    public static final String NOT_YOUR_CASE = "not-your-case";
    public static final String NO_OWN_FILE = "no-own-file";
    public static final String NO_SUCH_ACCOUNT = "no-such-account";
    public static final String OWN_CASE = "own-case";
    public static final String SHEET_NOT_READY = "sheet-not-ready";
    public static final String SHEET_SIGNED = "sheet-signed";
    public static final String SIGNS_THEMSELF = "signs-themself";
    public static final String TOO_MANY_QUESTIONS = "too-many-questions";
    public static final String VOTES_BY_MEMBERS = "votes-by-members";
    public static final String VOTE_CAST = "vote-cast";

    // The commission's composition (items 16-23).
    public static final String CERTIFIED_ON_COMMISSION = "certified-on-commission";
    public static final String COMMISSION_IN_MEETING = "commission-in-meeting";
    public static final String COMMISSION_VERSION_CONFLICT = "commission-version-conflict";
    public static final String HIGHER_COMMISSION_OUTRANKED = "higher-commission-outranked";
    public static final String MEMBER_ACCOUNT_DISABLED = "member-account-disabled";
    public static final String MEMBER_OUTRANKED = "member-outranked";
    public static final String MEMBER_WITHOUT_ACCOUNT = "member-without-account";
    public static final String MEMBER_WITHOUT_FILE = "member-without-file";
    public static final String MEMBER_WITHOUT_POST = "member-without-post";
    public static final String NO_HEAD_OF_DIVISION = "no-head-of-division";
    public static final String NO_PERSONNEL_OFFICER = "no-personnel-officer";

    private ProblemCodes() {
    }
}
