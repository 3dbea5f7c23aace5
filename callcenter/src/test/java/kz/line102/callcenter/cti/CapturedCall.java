package kz.line102.callcenter.cti;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a captured Asterisk session says about one call (by its captured Linkedid):
 * the numbers a call record must agree with, read straight from the capture.
 */
record CapturedCall(String linkedid, String callerNumber, String queue, String operator, Integer holdSeconds,
                    Integer talkSeconds, boolean answered, boolean abandoned, List<String> missedOperators,
                    int hangupCause, String hungUpBy) {

    static List<CapturedCall> read(String scenario) {
        List<Map<String, String>> events = events(scenario);
        List<CapturedCall> calls = new ArrayList<>();
        for (Map<String, String> e : events) {
            if ("Newchannel".equals(e.get("Event")) && e.get("Uniqueid").equals(e.get("Linkedid"))
                    && "from-pstn".equals(e.get("Context"))) {
                calls.add(of(e.get("Linkedid"), e.get("CallerIDNum"), events));
            }
        }
        return calls;
    }

    private static CapturedCall of(String linkedid, String number, List<Map<String, String>> events) {
        String queue = null;
        String operator = null;
        Integer hold = null;
        Integer talk = null;
        boolean answered = false;
        boolean abandoned = false;
        List<String> missed = new ArrayList<>();
        int cause = -1;
        String hungUpBy = null;
        for (Map<String, String> e : events) {
            if (!linkedid.equals(e.get("Linkedid"))) {
                continue;
            }
            switch (e.get("Event")) {
                case "QueueCallerJoin" -> queue = e.get("Queue");
                case "AgentConnect" -> {
                    answered = true;
                    hold = Integer.valueOf(e.get("HoldTime"));
                    operator = e.get("Interface").replace("PJSIP/", "");
                }
                case "AgentComplete" -> {
                    talk = Integer.valueOf(e.get("TalkTime"));
                    hungUpBy = e.get("Reason");
                }
                case "QueueCallerAbandon" -> {
                    abandoned = true;
                    hold = Integer.valueOf(e.get("HoldTime"));
                }
                case "AgentRingNoAnswer" -> missed.add(e.get("Interface").replace("PJSIP/", ""));
                case "Hangup" -> {
                    if (linkedid.equals(e.get("Uniqueid"))) {
                        cause = Integer.parseInt(e.get("Cause"));
                    }
                }
                default -> { }
            }
        }
        return new CapturedCall(linkedid, number, queue, operator, hold, talk, answered, abandoned, missed, cause,
                hungUpBy);
    }

    private static List<Map<String, String>> events(String scenario) {
        String text;
        try (InputStream in = CapturedCall.class.getResourceAsStream("/kz/line102/cti/replay/ami-" + scenario + ".txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, String>> events = new ArrayList<>();
        for (String block : text.split("\r\n\r\n")) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    fields.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
                }
            }
            if (fields.containsKey("Event") && !fields.containsKey("ActionID")) {
                events.add(fields);
            }
        }
        return events;
    }
}
