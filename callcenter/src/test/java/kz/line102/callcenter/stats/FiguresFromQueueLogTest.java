package kz.line102.callcenter.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The definitions worked by hand on the captured scenarios, with the calls read from
 * Asterisk's own queue_log of the same calls (../shared/fixtures/asterisk): answered,
 * abandon (both operators paused), abandon-ringing (one rang out, one ringing at the
 * abandon), rna-answer, two-callers, agi-down.
 */
class FiguresFromQueueLogTest {

    private static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures", "asterisk", "22.10.1");
    private static final List<String> SCENARIOS = List.of("answered", "abandon", "abandon-ringing", "rna-answer",
            "two-callers", "agi-down");

    /** One call of a queue_log: its entries in order. */
    record Entry(long at, String callId, String queue, String agent, String verb, String[] data) {
    }

    static List<Entry> read(String scenario) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(FIXTURES.resolve("queue_log-" + scenario + ".txt"))) {
            String[] f = line.split("\\|", -1);
            String[] data = new String[f.length - 5];
            System.arraycopy(f, 5, data, 0, data.length);
            out.add(new Entry(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], data));
        }
        return out;
    }

    /** Calls as facts, exactly as queue_log tells them (the PBX's view, not our records). */
    static List<CallFact> facts(Duration repeatWindow, Duration callbackWindow) throws IOException {
        Map<String, List<Entry>> calls = new LinkedHashMap<>();
        for (String s : SCENARIOS) {
            for (Entry e : read(s)) {
                if (!e.callId().equals("NONE")) {
                    calls.computeIfAbsent(e.callId(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        record Raw(String id, String number, Instant at, CallFact.Kind kind, int waited, int talk, String agent,
                   List<String> rna) {
        }
        List<Raw> raws = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> c : calls.entrySet()) {
            String number = null;
            Instant at = null;
            CallFact.Kind kind = CallFact.Kind.IN_PROGRESS;
            int wait = 0;
            int talk = 0;
            String agent = null;
            List<String> rna = new ArrayList<>();
            boolean ringing = false;
            for (Entry e : c.getValue()) {
                switch (e.verb()) {
                    case "ENTERQUEUE" -> {
                        number = e.data()[1];
                        at = Instant.ofEpochSecond(e.at());
                    }
                    case "RINGNOANSWER" -> rna.add(e.agent());
                    case "RINGCANCELED" -> ringing = true;
                    case "CONNECT" -> {
                        kind = CallFact.Kind.ANSWERED;
                        wait = Integer.parseInt(e.data()[0]);
                        agent = e.agent();
                    }
                    case "COMPLETECALLER", "COMPLETEAGENT" -> talk = Integer.parseInt(e.data()[1]);
                    case "ABANDON" -> {
                        kind = ringing ? CallFact.Kind.ABANDONED_RINGING : CallFact.Kind.ABANDONED_IN_QUEUE;
                        wait = Integer.parseInt(e.data()[2]);
                    }
                    case "EXITWITHTIMEOUT" -> kind = CallFact.Kind.TIMED_OUT;
                    default -> { }
                }
            }
            raws.add(new Raw(c.getKey(), number, at, kind, wait, talk, agent, rna));
        }
        List<CallFact> out = new ArrayList<>();
        for (Raw r : raws) {
            boolean repeat = raws.stream().anyMatch(p -> p != r && p.number().equals(r.number())
                    && p.at().isBefore(r.at()) && !p.at().isBefore(r.at().minus(repeatWindow)));
            boolean abandon = r.kind() == CallFact.Kind.ABANDONED_IN_QUEUE || r.kind() == CallFact.Kind.ABANDONED_RINGING;
            List<Raw> later = raws.stream().filter(p -> p != r && p.number().equals(r.number())
                    && p.at().isAfter(r.at()) && !p.at().isAfter(r.at().plus(callbackWindow))).toList();
            out.add(new CallFact(r.id(), "q102", r.agent(), r.number(), r.at(), r.kind(), r.waited(), r.talk(), null,
                    r.rna(), repeat, abandon && !later.isEmpty(),
                    abandon && later.stream().anyMatch(p -> p.kind() == CallFact.Kind.ANSWERED)));
        }
        return out;
    }

    @Test
    void theCapturedCallsCountAsWorkedByHand() throws IOException {
        List<CallFact> facts = facts(Duration.ofHours(1), Duration.ofHours(1));
        // answered (wait 2, talk 13), abandon (8, nobody ready), abandon-ringing (11, Operator 2 ringing),
        // rna-answer (9, talk 8), two-callers (8 and talk 10; the other abandons after 11), agi-down (1, talk 10)
        Figures f = Figures.of(Tally.of(facts), 15, 5);
        assertThat(f.offered()).isEqualTo(7);
        assertThat(f.answered()).isEqualTo(4);
        assertThat(f.abandoned()).isEqualTo(3);
        assertThat(f.abandonedInQueue()).isEqualTo(2);
        assertThat(f.abandonedRinging()).isEqualTo(1);
        assertThat(f.shortAbandoned()).isZero();
        assertThat(f.asa()).isCloseTo((2 + 9 + 8 + 1) / 4.0, within(1e-9));
        assertThat(f.averageAbandonWait()).isCloseTo((8 + 11 + 11) / 3.0, within(1e-9));
        assertThat(f.p90AbandonWait()).isEqualTo(11);
        assertThat(f.longestWait()).isEqualTo(11);
        assertThat(f.aht()).as("no wrap-up in a queue_log: talk only").isCloseTo((13 + 8 + 10 + 10) / 4.0,
                within(1e-9));
        // within 15 s: every answer; no abandon waited more than 15 s
        assertThat(f.serviceLevel()).isEqualTo(100.0);
        // within 10 s: 4 answered ÷ (4 answered + the two abandons after 11 s)
        assertThat(Figures.of(Tally.of(facts), 10, 5).serviceLevel()).isCloseTo(400.0 / 6, within(1e-9));
        // with S = 10 the abandon after 8 s is short: apart from abandoned and from the rate
        Figures shortTen = Figures.of(Tally.of(facts), 10, 10);
        assertThat(shortTen.shortAbandoned()).isEqualTo(1);
        assertThat(shortTen.abandoned()).isEqualTo(2);
        // +77012345678 calls 50 s after its first call; 87172123456 four times within the hour
        assertThat(f.repeats()).isEqualTo(5);
        // each of the three abandoning numbers got through to an operator later
        assertThat(f.abandonedCalledBack()).isEqualTo(3);
        assertThat(f.abandonedCalledBackAnswered()).isEqualTo(3);
    }

    @Test
    void figuresAgreeWithTheQueueLogsOwnCounts() throws IOException {
        long connects = 0;
        long abandons = 0;
        long rna = 0;
        for (String s : SCENARIOS) {
            for (Entry e : read(s)) {
                connects += e.verb().equals("CONNECT") ? 1 : 0;
                abandons += e.verb().equals("ABANDON") ? 1 : 0;
                rna += e.verb().equals("RINGNOANSWER") ? 1 : 0;
            }
        }
        List<CallFact> facts = facts(Duration.ofHours(1), Duration.ofHours(1));
        Figures f = Figures.of(Tally.of(facts), 15, 0);
        assertThat(f.answered()).isEqualTo(connects);
        assertThat(f.abandoned()).isEqualTo(abandons);
        assertThat(facts.stream().mapToLong(c -> c.ringNoAnswer().size()).sum()).isEqualTo(rna);
    }

    @Test
    void aThresholdThatIsNoBandEdgeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Figures.of(new Tally(), 75, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("band edges");
    }
}
