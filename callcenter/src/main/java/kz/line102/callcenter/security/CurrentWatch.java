package kz.line102.callcenter.security;

import java.time.Instant;

/** The start of the 24-hour watch now under way: "calls of the watch" are the ones offered since. */
public interface CurrentWatch {

    Instant currentWatchStart();
}
