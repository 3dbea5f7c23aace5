package kz.line102.callcenter.caller.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import kz.line102.callcenter.caller.PhoneNumbers.NumberStatus;

/**
 * Turns CSV records into subscriber rows. The header names the columns, in any
 * order: {@code number} is required; {@code name} (or {@code holder_name}),
 * {@code address}, {@code lat}, {@code lon}, {@code source} are optional.
 */
final class SubscriberRows {

    static final List<String> COLUMNS = List.of("number", "name", "address", "lat", "lon", "source");
    private static final int MAX_NAME = 500;
    private static final int MAX_ADDRESS = 1000;
    private static final int MAX_SOURCE = 100;

    private final PhoneNumbers numbers;
    private final String defaultSource;
    private final int width;
    private final int number;
    private final int name;
    private final int address;
    private final int lat;
    private final int lon;
    private final int source;

    /** A row is either loaded or rejected. */
    sealed interface Result permits Loaded, Rejected {
    }

    record Loaded(SubscriberRow row) implements Result {
    }

    record Rejected(RowError error) implements Result {
    }

    SubscriberRows(CsvRecord header, PhoneNumbers numbers, String defaultSource) {
        if (header == null) {
            throw CsvFileException.header("the file is empty: the first line must name the columns, e.g. "
                    + String.join(",", COLUMNS));
        }
        if (header.error() != null) {
            throw CsvFileException.header("the header line cannot be read: " + header.error());
        }
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String col = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            col = col.equals("holder_name") ? "name" : col;
            if (!COLUMNS.contains(col)) {
                throw CsvFileException.header("unknown column '" + header.fields().get(i) + "' in the header; "
                        + "known columns: " + COLUMNS);
            }
            if (at.put(col, i) != null) {
                throw CsvFileException.header("column '" + col + "' appears twice in the header");
            }
        }
        if (!at.containsKey("number")) {
            throw CsvFileException.header("the header has no 'number' column; known columns: " + COLUMNS);
        }
        if (at.containsKey("lat") != at.containsKey("lon")) {
            throw CsvFileException.header("give both 'lat' and 'lon' columns, or neither");
        }
        this.numbers = numbers;
        this.defaultSource = defaultSource;
        this.width = header.fields().size();
        this.number = at.get("number");
        this.name = at.getOrDefault("name", -1);
        this.address = at.getOrDefault("address", -1);
        this.lat = at.getOrDefault("lat", -1);
        this.lon = at.getOrDefault("lon", -1);
        this.source = at.getOrDefault("source", -1);
    }

    Result check(CsvRecord r) {
        if (r.error() != null) {
            return reject(r, null, r.errorCode(), r.errorArgs(), r.error());
        }
        if (r.fields().size() != width) {
            return reject(r, null, "field-count", List.of(r.fields().size(), width),
                    "has " + r.fields().size() + " fields, the header has " + width);
        }
        String raw = r.fields().get(number).strip();
        NormalizedNumber n = numbers.normalize(raw, false);
        if (n.status() != NumberStatus.VALID) {
            return reject(r, "number", "number-invalid", List.of(shorten(raw)),
                    "number '" + shorten(raw) + "' is not a valid phone number (" + n.status().code() + ")");
        }
        String holder = text(r, name);
        String addr = text(r, address);
        String named = text(r, source);
        String src = named == null ? defaultSource : named;
        Rejected bad = firstProblem(r, holder, "name", MAX_NAME);
        bad = bad != null ? bad : firstProblem(r, addr, "address", MAX_ADDRESS);
        bad = bad != null ? bad : firstProblem(r, src, "source", MAX_SOURCE);
        if (bad != null) {
            return bad;
        }
        Double la = null;
        Double lo = null;
        if (lat >= 0) {
            String a = text(r, lat);
            String o = text(r, lon);
            if ((a == null) != (o == null)) {
                return reject(r, a == null ? "lat" : "lon", "coordinates-pair", List.of(),
                        "give both lat and lon, or neither");
            }
            if (a != null) {
                la = coordinate(a, 90);
                lo = coordinate(o, 180);
                if (la == null || lo == null) {
                    return reject(r, la == null ? "lat" : "lon", "coordinates-invalid",
                            List.of(shorten(la == null ? a : o)),
                            "lat must be a decimal number in [-90, 90] and lon in [-180, 180] "
                            + "(with a '.' point), not '" + shorten(a) + "', '" + shorten(o) + "'");
                }
            }
        }
        return new Loaded(new SubscriberRow(r.line(), n.e164(), holder, addr, la, lo, src));
    }

    private static Rejected reject(CsvRecord r, String field, String code, List<Object> args, String reason) {
        return new Rejected(new RowError(r.line(), field, code == null ? "unreadable" : code, args, reason));
    }

    private static String text(CsvRecord r, int column) {
        if (column < 0) {
            return null;
        }
        String v = r.fields().get(column).strip();
        return v.isEmpty() ? null : v;
    }

    private static Rejected firstProblem(CsvRecord r, String value, String what, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return reject(r, what, "too-long", List.of(max), what + " is longer than " + max + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            return reject(r, what, "nul", List.of(), what + " contains a NUL character");
        }
        return null;
    }

    private static Double coordinate(String text, double limit) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Double.parseDouble would also take "1e3", "0x1p3", "12d" or "NaN": none is a coordinate.
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+')) {
                return null;
            }
        }
        try {
            double d = Double.parseDouble(text);
            return Math.abs(d) <= limit ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
