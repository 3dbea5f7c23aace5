package kz.line102.cti.replay;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, inside one header value, the tokens a replay instance renews, and gives
 * each distinct token one slot so that the same Uniqueid gets the same fresh value
 * wherever it appears (Uniqueid, Linkedid, a file name, a VarSet value).
 */
final class TokenFinder {

    record Token(int start, int end, int slot) {
    }

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000");
    private static final Pattern CDR_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern FILE_TIME = Pattern.compile("(?<!\\d)\\d{8}-\\d{6}(?!\\d)");
    private static final Pattern EPOCH_MICROS = Pattern.compile("(?<![\\d.])\\d{10}\\.\\d{6}(?!\\d)");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{10}");
    static final DateTimeFormatter CDR_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter FILE_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final DateTimeFormatter ISO_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'");
    /** Epoch values further than this from the call are not times of the call. */
    private static final long TIME_WINDOW_MICROS = 86_400_000_000L;

    private final long t0;
    private final List<String> uniqueids;
    private final List<String> channels;
    private final List<String> callers;
    private final List<String> operators;
    private final List<VariableSpec> variables = new ArrayList<>();
    private final Map<String, Integer> slotByToken = new HashMap<>();

    TokenFinder(long firstEventEpochMicros, List<String> uniqueids, List<String> channels, List<String> callers,
                List<String> operators) {
        this.t0 = firstEventEpochMicros;
        // Longest first, so that 1795390568.1 never matches inside 1795390568.10.
        this.uniqueids = uniqueids.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.channels = channels;
        this.callers = callers;
        this.operators = operators;
        // Slots in order of first appearance, so the first Uniqueid (the caller's, its Linkedid) is slot 0.
        uniqueids.forEach(u -> slot(VariableSpec.Kind.UNIQUEID, u, (Long.parseLong(u.substring(0, u.indexOf('.'))) * 1_000_000L) - t0));
        callers.forEach(c -> slot(VariableSpec.Kind.CALLER, c, 0));
        channels.forEach(c -> slot(VariableSpec.Kind.CHANNEL, c, 0));
        operators.forEach(o -> slot(VariableSpec.Kind.OPERATOR, o, 0));
    }

    List<VariableSpec> variables() {
        return List.copyOf(variables);
    }

    List<Token> find(String value) {
        List<Token> tokens = new ArrayList<>();
        for (String u : uniqueids) {
            literal(value, u, VariableSpec.Kind.UNIQUEID, tokens);
        }
        for (String c : channels) {
            literal(value, c, VariableSpec.Kind.CHANNEL, tokens);
        }
        for (String c : callers) {
            literal(value, c, VariableSpec.Kind.CALLER, tokens);
        }
        // After channels: PJSIP/1001-00000001 stays one channel token; PJSIP/1001 yields 1001.
        for (String o : operators) {
            literal(value, o, VariableSpec.Kind.OPERATOR, tokens);
        }
        pattern(value, UUID, VariableSpec.Kind.UUID, tokens);
        pattern(value, ISO_TIME, VariableSpec.Kind.ISO_TIME, tokens);
        pattern(value, CDR_TIME, VariableSpec.Kind.CDR_TIME, tokens);
        pattern(value, FILE_TIME, VariableSpec.Kind.FILE_TIME, tokens);
        pattern(value, EPOCH_MICROS, VariableSpec.Kind.EPOCH_MICROS, tokens);
        if (EPOCH_SECONDS.matcher(value).matches()) {
            add(tokens, 0, value.length(), VariableSpec.Kind.EPOCH_SECONDS, value);
        }
        tokens.sort(Comparator.comparingInt(Token::start));
        return tokens;
    }

    private void literal(String value, String token, VariableSpec.Kind kind, List<Token> out) {
        for (int i = value.indexOf(token); i >= 0; i = value.indexOf(token, i + 1)) {
            int end = i + token.length();
            boolean digitBefore = i > 0 && Character.isDigit(value.charAt(i - 1));
            boolean digitAfter = end < value.length() && Character.isLetterOrDigit(value.charAt(end));
            if (!digitBefore && !digitAfter) {
                add(out, i, end, kind, token);
            }
        }
    }

    private void pattern(String value, Pattern p, VariableSpec.Kind kind, List<Token> out) {
        Matcher m = p.matcher(value);
        while (m.find()) {
            add(out, m.start(), m.end(), kind, m.group());
        }
    }

    private void add(List<Token> out, int start, int end, VariableSpec.Kind kind, String text) {
        for (Token t : out) {
            if (start < t.end() && t.start() < end) {
                return; // a token found earlier (a Uniqueid, a channel) wins over a looser pattern
            }
        }
        long offset = switch (kind) {
            case ISO_TIME -> micros(LocalDateTime.parse(text, ISO_FORMAT));
            case CDR_TIME -> micros(LocalDateTime.parse(text, CDR_FORMAT));
            case FILE_TIME -> micros(LocalDateTime.parse(text, FILE_FORMAT));
            case EPOCH_MICROS -> parseEpochMicros(text);
            case EPOCH_SECONDS -> Long.parseLong(text) * 1_000_000L;
            default -> t0;
        } - t0;
        if (Math.abs(offset) > TIME_WINDOW_MICROS) {
            return;
        }
        out.add(new Token(start, end, slot(kind, text, offset)));
    }

    private int slot(VariableSpec.Kind kind, String text, long offset) {
        return slotByToken.computeIfAbsent(kind + ":" + text, k -> {
            variables.add(new VariableSpec(kind, text, offset));
            return variables.size() - 1;
        });
    }

    private static long micros(LocalDateTime utc) {
        return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), utc.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    static long parseEpochMicros(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(text) * 1_000_000L;
        }
        String fraction = (text.substring(dot + 1) + "000000").substring(0, 6);
        return Long.parseLong(text.substring(0, dot)) * 1_000_000L + Long.parseLong(fraction);
    }
}
