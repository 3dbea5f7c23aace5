package kz.line102.cti.stream;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.line102.cti.CallEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Call events on the wire: one flat map per event, with the routing fields
 * ({@code id}, {@code type}, {@code call}, {@code at}) beside the event as JSON in
 * {@code body}. The type names are the record names, so they are part of the
 * contract between bridge and consumers: renaming a record is a wire change.
 */
public final class CallEventCodec {

    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String CALL = "call";
    public static final String AT = "at";
    public static final String BODY = "body";

    private static final Map<String, Class<? extends CallEvent>> TYPES = new HashMap<>();

    static {
        for (Class<?> c : CallEvent.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends CallEvent> type = (Class<? extends CallEvent>) c;
            TYPES.put(c.getSimpleName(), type);
        }
    }

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Map<String, String> encode(CallEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ID, event.eventId().value());
        fields.put(TYPE, event.type());
        fields.put(CALL, event.callId().value());
        fields.put(AT, event.at().toString());
        fields.put(BODY, json.writeValueAsString(event));
        return fields;
    }

    public CallEvent decode(Map<String, String> fields) {
        if (fields == null) {
            throw new MalformedCallEventException("no fields");
        }
        String type = fields.get(TYPE);
        String body = fields.get(BODY);
        if (type == null || body == null) {
            throw new MalformedCallEventException("missing '" + (type == null ? TYPE : BODY) + "' field");
        }
        Class<? extends CallEvent> cls = TYPES.get(type);
        if (cls == null) {
            throw new MalformedCallEventException("unknown event type '" + type + "'");
        }
        CallEvent event;
        try {
            event = json.readValue(body, cls);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedCallEventException("unreadable " + type + " body: " + e.getMessage(), e);
        }
        if (event.eventId() == null || event.callId() == null || event.at() == null) {
            throw new MalformedCallEventException(type + " without eventId, callId or at");
        }
        return event;
    }

    /** One spool or log line: the fields as a JSON object. */
    public String toLine(Map<String, String> fields) {
        return json.writeValueAsString(fields);
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> fromLine(String line) {
        try {
            return json.readValue(line, LinkedHashMap.class);
        } catch (JacksonException e) {
            throw new MalformedCallEventException("unreadable spool line: " + e.getMessage(), e);
        }
    }

    /** Parsing {@code at} without the body, for consumers that only route. */
    public static Instant at(Map<String, String> fields) {
        return Instant.parse(fields.get(AT));
    }
}
