package kz.line102.callcenter.caller.bulk;

import java.util.List;

/**
 * One CSV record.
 *
 * @param line   the physical line it starts on (1-based; quoted line breaks make records span lines)
 * @param error  why the record cannot be read, or null; {@code fields} may then be partial
 */
record CsvRecord(long line, List<String> fields, String error) {
}
