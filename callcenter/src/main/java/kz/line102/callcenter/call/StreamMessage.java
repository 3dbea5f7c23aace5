package kz.line102.callcenter.call;

import java.util.Map;

/** One Redis Stream entry handed to a route: its id and its fields, untouched. */
public record StreamMessage(String id, Map<String, String> fields) {
}
