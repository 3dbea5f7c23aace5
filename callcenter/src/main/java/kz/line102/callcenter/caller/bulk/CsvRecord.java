package kz.line102.callcenter.caller.bulk;

import java.util.List;

/**
 * One CSV record.
 *
 * @param line      the physical line it starts on (1-based; quoted line breaks make records span lines)
 * @param error     why the record cannot be read (English, for the log), or null; {@code fields} may then be partial
 * @param errorCode the same reason as a stable code the page words in the user's language ({@link RowError})
 * @param errorArgs the values that code's text names
 */
record CsvRecord(long line, List<String> fields, String error, String errorCode, List<Object> errorArgs) {
}
