package kz.line102.cti.ami;

/** Where the AMI link is in its lifecycle. */
public enum AmiLinkState {
    /** Not started, or stopped. */
    STOPPED,
    /** Connecting and logging in for the first time. */
    CONNECTING,
    /** Logged in; events flow. */
    CONNECTED,
    /** The link was lost or a login failed; the next attempt is scheduled. */
    RECONNECTING
}
