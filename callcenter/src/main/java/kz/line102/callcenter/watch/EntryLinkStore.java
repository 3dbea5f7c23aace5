package kz.line102.callcenter.watch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Links of entries to incident cards and the files attached to entries; both only grow. */
@Repository
class EntryLinkStore {

    private final JdbcTemplate jdbc;

    EntryLinkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code at}: when the entry itself was written. */
    record Link(long entryId, String kind, int year, int number, Instant at, UUID incidentId, String kuiNumber,
                String linkedBy, Instant linkedAt) {
    }

    /** An attachment's description; its bytes are read only by {@link #content}. */
    record Attachment(long id, long entryId, String name, String contentType, long size, String sha256, String addedBy,
                      Instant addedAt) {
    }

    private static final String LINKS = """
            select l.entry_id, e.kind, e.year, e.number, e.at, l.incident_id, l.kui_number, l.linked_by, l.linked_at
            from watch_entry_incidents l join watch_entries e on e.id = l.entry_id
            """;

    private List<Link> links(String where, Object arg) {
        return jdbc.query(LINKS + where + " order by l.id", (rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getInt(3),
                rs.getInt(4), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9).toInstant()), arg);
    }

    List<Link> linksOf(long entryId) {
        return links("where l.entry_id = ?", entryId);
    }

    List<Link> linksTo(UUID incidentId) {
        return links("where l.incident_id = ?", incidentId);
    }

    /** False when the entry was linked to the card already. */
    boolean link(long entryId, UUID incidentId, String kui, String by) {
        return jdbc.update("""
                insert into watch_entry_incidents (entry_id, incident_id, kui_number, linked_by) values (?, ?, ?, ?)
                on conflict (entry_id, incident_id) do nothing""", entryId, incidentId, kui, by) == 1;
    }

    long attach(long entryId, String name, String contentType, byte[] content, String sha256, String by) {
        return jdbc.queryForObject("""
                insert into watch_attachments (entry_id, name, content_type, size, sha256, content, added_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, entryId, name, contentType, content.length, sha256,
                content, by);
    }

    private static final String ATTACHMENT = "select id, entry_id, name, content_type, size, sha256, added_by, added_at"
            + " from watch_attachments ";

    private static Attachment attachment(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), rs.getTimestamp(8).toInstant());
    }

    List<Attachment> attachmentsOf(long entryId) {
        return jdbc.query(ATTACHMENT + "where entry_id = ? order by id", EntryLinkStore::attachment, entryId);
    }

    Attachment attachment(long id) {
        List<Attachment> found = jdbc.query(ATTACHMENT + "where id = ?", EntryLinkStore::attachment, id);
        return found.isEmpty() ? null : found.get(0);
    }

    byte[] content(long id) {
        return jdbc.queryForObject("select content from watch_attachments where id = ?", byte[].class, id);
    }
}
