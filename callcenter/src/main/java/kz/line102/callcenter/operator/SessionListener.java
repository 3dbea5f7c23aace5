package kz.line102.callcenter.operator;

/**
 * Told of every sign-in (after its session was committed: a listener that throws makes
 * the sign-in undone) and sign-out (before the session is closed: a listener that throws
 * keeps it open), never inside a transaction, so a listener may wait on the PBX. A
 * session ended by something else (a desk disabled, a sign-in elsewhere) is told after
 * the fact and cannot be refused.
 */
public interface SessionListener {

    void signedIn(OperatorSession session);

    /** {@code why}: signed-out, moved (signed in elsewhere), disabled (the desk was disabled). */
    void signedOut(OperatorSession session, String why);
}
