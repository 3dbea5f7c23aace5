package kz.line102.cti;

import java.time.Instant;

/** The queue started ringing an operator's phone ({@code operator} is its extension). */
public record OperatorRang(EventId eventId, CallId callId, Instant at,
                           String queue, String operator, String operatorName) implements CallEvent {
}
