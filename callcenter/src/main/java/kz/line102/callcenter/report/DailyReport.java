package kz.line102.callcenter.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The report of one watch. {@code state} is {@code open} until the duty officer signs it
 * off, then {@code signed}: from then on {@code lines}, {@code totals}, {@code types} and
 * {@code repeatAddresses} are read from the snapshot taken at sign-off, whose SHA-256 is
 * {@code sha256} ({@code intact} says whether the stored snapshot still hashes to it).
 * {@code addenda} are changes the feed saw on cards of the watch after the sign-off:
 * shown beside the signed report, never part of it.
 */
public record DailyReport(Watch watch, String state, boolean ended, String signedBy, Instant signedAt,
                          String sha256, Boolean intact, List<ReportLine> lines, Totals totals,
                          Map<String, Map<String, String>> types, List<RepeatAddress> repeatAddresses,
                          List<Addendum> addenda, String auditHead) {

    public static final String OPEN = "open";
    public static final String SIGNED = "signed";

    public boolean signed() {
        return SIGNED.equals(state);
    }

    /** The watch: {@code day} is the local date it starts on; {@code end} is exclusive. */
    public record Watch(LocalDate day, Instant start, Instant end, String zone) {
    }

    /** Counts of the watch's cards; every map is keyed by code and sorted. */
    public record Totals(int cards, Map<String, Integer> byCategory, Map<String, Integer> byType,
                         Map<String, Integer> byOutcome, int repeatCalls) {
    }

    /** A card the same caller called about again (the rules count these against the shift). */
    public record RepeatAddress(UUID incidentId, String kuiNumber, String sceneAddress, String callerNumber,
                                int repeatCount) {
    }

    /** A card's line as the feed saw it after the sign-off. */
    public record Addendum(Instant seenAt, ReportLine line) {
    }

    /** What is signed and hashed: everything the officer put their name to. */
    /**
     * {@code auditHead}: the audit chain's newest entry at sign-off ({@code <id>:<hash>}), so every signed
     * (and printed) report anchors the chain outside the database; null in reports signed before.
     */
    public record Snapshot(Watch watch, String signedBy, Instant signedAt, List<ReportLine> lines, Totals totals,
                           Map<String, Map<String, String>> types, List<RepeatAddress> repeatAddresses,
                           String auditHead) {
    }
}
