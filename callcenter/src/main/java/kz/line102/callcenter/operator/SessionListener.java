package kz.line102.callcenter.operator;

/**
 * Told of every sign-in and sign-out inside its transaction, so a listener that throws
 * undoes the change: the queue membership in the PBX and the session never disagree.
 */
public interface SessionListener {

    void signedIn(OperatorSession session);

    /** {@code why}: signed-out, moved (signed in elsewhere), disabled (the desk was disabled). */
    void signedOut(OperatorSession session, String why);
}
