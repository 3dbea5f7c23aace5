package kz.line102.cti.ami;

/** Where the AMI link is in its lifecycle. */
public enum AmiLinkState {
    /** Not started, or stopped. */
    STOPPED,
    /** Connecting and logging in for the first time. */
    CONNECTING,
    /** Logged in; events flow. */
    CONNECTED,
    /**
     * Another node holds the PBX's AMI link (under the lease); this one is logged in with
     * events off, only to send queue commands, and takes the link over when the lease frees.
     */
    STANDBY,
    /** The link was lost or a login failed; the next attempt is scheduled. */
    RECONNECTING
}
