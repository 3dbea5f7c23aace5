package kz.line102.callcenter.caller.bulk;

import java.util.List;

/**
 * What a load did. {@code rowsRead} counts data records (not the header);
 * {@code accepted} = inserted + updated + unchanged (a number given twice counts
 * each time, the last line wins); {@code errors} lists the first rejected rows, and
 * {@code errorsTruncated} says there were more than listed ({@code rejected} counts all).
 */
public record ImportReport(long rowsRead, long accepted, long inserted, long updated, long unchanged,
                           long rejected, List<RowError> errors, boolean errorsTruncated, double seconds,
                           long rowsPerSecond) {
}
