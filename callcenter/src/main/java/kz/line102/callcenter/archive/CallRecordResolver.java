package kz.line102.callcenter.archive;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.line102.cti.CallId;
import kz.line102.recorder.CallResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the call of a recording no event announced, from the call records: a MixMonitor
 * file name carries the uniqueid of the call's first channel, which is the call's
 * Linkedid, and the call's id is derived from the PBX's name and that Linkedid the way
 * the bridge derives it ({@link CallId#derive}). Reads the calls table only.
 */
final class CallRecordResolver implements CallResolver {

    private final JdbcTemplate jdbc;
    private final List<String> pbxNames;

    /** @param pbxNames the PBXs whose recordings the spool holds; the first names orphans */
    CallRecordResolver(JdbcTemplate jdbc, List<String> pbxNames) {
        if (pbxNames.isEmpty()) {
            throw new IllegalArgumentException("at least one PBX name is needed");
        }
        this.jdbc = jdbc;
        this.pbxNames = List.copyOf(pbxNames);
    }

    @Override
    public Optional<Call> find(String uniqueId) {
        for (String pbx : pbxNames) {
            UUID id = UUID.fromString(CallId.derive(pbx, uniqueId).value());
            Optional<Call> call = jdbc.query("select id, offered_at, caller_number, operator from calls where id = ?",
                    (rs, n) -> {
                        Timestamp offered = rs.getTimestamp("offered_at");
                        return new Call(rs.getString("id"), offered == null ? null : offered.toInstant(),
                                rs.getString("caller_number"), rs.getString("operator"));
                    }, id).stream().findFirst();
            if (call.isPresent()) {
                return call;
            }
        }
        return Optional.empty();
    }

    /** The id the call would have on the first PBX: a call record that turns up later (from the PBX's logs) finds it. */
    @Override
    public String orphanCallId(String fileName, String uniqueId) {
        return uniqueId == null ? "orphan/" + fileName : CallId.derive(pbxNames.get(0), uniqueId).value();
    }
}
