package kz.line102.cti;

/**
 * Where translated call events go. Implementations must not block the caller for
 * long and must never drop an event silently: an event they cannot keep is
 * reported (log line and metric) by the implementation itself.
 */
@FunctionalInterface
public interface CallEventSink {

    void accept(CallEvent event);
}
