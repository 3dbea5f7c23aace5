package kz.line102.callcenter.watch;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code line102.callcenter.watch.*}: the watches and the journals of the duty shift.
 *
 * @param zone           the centre's time zone: watches and journal years are counted in it
 * @param startsAt       local time a watch begins (08:00 in order 439)
 * @param length         how long a watch lasts: 24h, or 12h in the 12-hour mode
 * @param shifts         how many shifts rotate (three or four)
 * @param rotationAnchor a day whose first watch shift 1 took; the rotation is counted from it
 * @param breaks         the meal and rest breaks the chief set, {@code HH:mm-HH:mm}
 * @param maxText        longest text of an entry, a hand-over item or a note, in characters
 * @param pageSize       entries per page when the request gives no {@code size}
 * @param journals       the journal kinds: books and registers, each a configuration of one engine
 * @param deadlinePass   how often the registers are checked for entries past their deadline
 * @param attachmentMax  largest file attached to an entry (a scanned document)
 * @param retentionPass  how often the journals' and the serious-event reports' years past their
 *                       retention are looked for and removed ({@link RetentionSweeper}); 6h if not set
 */
@Validated
@ConfigurationProperties("line102.callcenter.watch")
public record WatchProperties(@NotNull ZoneId zone, @NotNull LocalTime startsAt, @NotNull Duration length,
                              @Min(1) @Max(6) int shifts, @NotNull LocalDate rotationAnchor,
                              @NotNull List<@Pattern(regexp = "\\d\\d:\\d\\d-\\d\\d:\\d\\d") String> breaks,
                              @Min(1) @Max(20_000) int maxText, @Min(1) @Max(500) int pageSize,
                              @NotEmpty Map<@Pattern(regexp = "[a-z][a-z0-9-]{0,40}") String, @Valid Journal> journals,
                              Duration deadlinePass, DataSize attachmentMax, Duration retentionPass) {

    public WatchProperties {
        if (!length.equals(Duration.ofHours(24)) && !length.equals(Duration.ofHours(12))) {
            throw new IllegalArgumentException("line102.callcenter.watch.length must be 24h or 12h, not " + length);
        }
        if (shifts < 3 || shifts > 4) {
            throw new IllegalArgumentException("line102.callcenter.watch.shifts is 3 or 4 (order 439), not " + shifts);
        }
        deadlinePass = deadlinePass == null ? Duration.ofSeconds(30) : deadlinePass;
        attachmentMax = attachmentMax == null ? DataSize.ofMegabytes(10) : attachmentMax;
        retentionPass = retentionPass == null ? Duration.ofHours(6) : retentionPass;
        if (retentionPass.isNegative() || retentionPass.isZero()) {
            throw new IllegalArgumentException("line102.callcenter.watch.retention-pass is positive, not " + retentionPass);
        }
    }

    /**
     * @param appendix     the appendix of order 439 that gives its layout (printed on the PDF)
     * @param fields       the register's own fields besides the text (sender, reported-to, ...);
     *                     an entry may carry only these
     * @param confidential whether reading its entries is audited
     * @param reportWithin  for an entry about a crime (field {@code crime}) not yet reported
     *                      (no {@code reportedTo}): how soon it must be reported to the chief;
     *                      null when the register sets no deadline
     * @param retention    its retention class: how long its entries are kept after the year they
     *                     were written in (the centre's nomenclature of cases); 5 years if not set
     */
    public record Journal(@Min(1) @Max(99) int appendix, @NotNull List<@Pattern(regexp = "[a-zA-Z]{1,40}") String> fields,
                          boolean confidential, Duration reportWithin, Period retention) {

        public Journal {
            retention = retention == null ? Period.ofYears(5) : retention.normalized();
            if (retention.isNegative() || retention.toTotalMonths() < 12) {
                throw new IllegalArgumentException("a journal's retention is a year or more, not " + retention);
            }
            if (reportWithin != null && (reportWithin.isNegative() || reportWithin.isZero())) {
                throw new IllegalArgumentException("a register's report-within is positive, not " + reportWithin);
            }
        }
    }
}
