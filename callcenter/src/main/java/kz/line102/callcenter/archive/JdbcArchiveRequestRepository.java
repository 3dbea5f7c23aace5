package kz.line102.callcenter.archive;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code archive_requests}: written once, never changed. */
@Repository
class JdbcArchiveRequestRepository {

    private final JdbcTemplate jdbc;

    JdbcArchiveRequestRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ArchiveRequest r) {
        jdbc.update("insert into archive_requests (id, auditor, requesting_body, document_number, document_date,"
                        + " reason, created_at) values (?, ?, ?, ?, ?, ?, ?)", r.id(), r.auditor(), r.requestingBody(),
                r.documentNumber(), Date.valueOf(r.documentDate()), r.reason(), Timestamp.from(r.createdAt()));
    }

    Optional<ArchiveRequest> find(UUID id) {
        return jdbc.query("select id, auditor, requesting_body, document_number, document_date, reason, created_at"
                + " from archive_requests where id = ?", (rs, n) -> new ArchiveRequest(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(), rs.getString(6),
                rs.getTimestamp(7).toInstant()), id).stream().findFirst();
    }
}
