package kz.line102.callcenter.caller.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import kz.line102.callcenter.caller.CallerProperties;
import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.caller.SubscriberCache;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;

/**
 * Loads the subscriber registry from CSV, sized for tens of millions of rows: rows
 * are checked as they stream in, good ones go by COPY into a temporary table in
 * batches, and each batch is merged into {@code subscribers} with
 * {@code INSERT … ON CONFLICT DO UPDATE} (a re-import updates, never duplicates). The
 * whole load is one transaction: a cut connection or an oversized upload loads
 * nothing, so a file is either in or out. The caller cache is invalidated after
 * commit.
 */
@Service
public class SubscriberImporter {

    private static final Logger log = LoggerFactory.getLogger(SubscriberImporter.class);
    private static final int LOGGED_ERRORS = 1000;

    private static final String MERGE = """
            with src as (
                select distinct on (number_e164) * from subscriber_import order by number_e164, line desc
            ), merged as (
                insert into subscribers as s (number_e164, holder_name, address, lat, lon, source, updated_at)
                select number_e164, holder_name, address, lat, lon, source, clock_timestamp() from src
                on conflict (number_e164) do update set holder_name = excluded.holder_name,
                    address = excluded.address, lat = excluded.lat, lon = excluded.lon, source = excluded.source,
                    updated_at = excluded.updated_at
                where (s.holder_name, s.address, s.lat, s.lon, s.source)
                    is distinct from (excluded.holder_name, excluded.address, excluded.lat, excluded.lon,
                                      excluded.source)
                returning (xmax = 0) as inserted
            ) select count(*) filter (where inserted), count(*) filter (where not inserted) from merged""";

    private final DataSource dataSource;
    private final PhoneNumbers numbers;
    private final SubscriberCache cache;
    private final CallerProperties.Import props;

    public SubscriberImporter(DataSource dataSource, PhoneNumbers numbers, SubscriberCache cache,
                              CallerProperties props) {
        this.dataSource = dataSource;
        this.numbers = numbers;
        this.cache = cache;
        this.props = props.importing();
    }

    /**
     * @param source  recorded with each row that names none (e.g. the exchange's name)
     * @throws UploadTooLargeException past {@code max-bytes}; nothing loaded
     * @throws CsvFileException        when the header or the encoding makes the file unreadable
     */
    public ImportReport load(InputStream csv, String source) throws IOException {
        long t0 = System.nanoTime();
        Counts counts = new Counts(props.maxReportedErrors());
        CsvReader reader = new CsvReader(new BoundedInputStream(csv, props.maxBytes().toBytes()),
                props.maxRecordBytes());
        SubscriberRows rows = new SubscriberRows(reader.next(), numbers, source);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                loadAll(c, reader, rows, counts);
                c.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                log.warn("subscriber import from '{}' failed after {} rows; nothing loaded: {}", source,
                        counts.read, e.toString());
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("subscriber import: " + e.getMessage(), e);
        }
        if (counts.inserted + counts.updated > 0) {
            cache.registryChanged();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ImportReport report = new ImportReport(counts.read, counts.accepted, counts.inserted, counts.updated,
                counts.accepted - counts.inserted - counts.updated, counts.rejected, List.copyOf(counts.errors),
                counts.rejected > counts.errors.size(), Math.round(seconds * 1000) / 1000.0,
                Math.round(counts.read / Math.max(seconds, 1e-9)));
        log.info("subscriber import from '{}': {} rows read, {} inserted, {} updated, {} unchanged, {} rejected "
                + "in {} s ({} rows/s)", source, report.rowsRead(), report.inserted(), report.updated(),
                report.unchanged(), report.rejected(), report.seconds(), report.rowsPerSecond());
        return report;
    }

    private void loadAll(Connection c, CsvReader reader, SubscriberRows rows, Counts counts)
            throws IOException, SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create temp table if not exists subscriber_import (number_e164 text, holder_name text,
                        address text, lat float8, lon float8, source text, line bigint) on commit drop""");
        }
        CopyManager copies = c.unwrap(PGConnection.class).getCopyAPI();
        CsvRecord record = reader.next();
        while (record != null) {
            CopyIn in = copies.copyIn("copy subscriber_import from stdin");
            CopyRows copy = new CopyRows(in);
            int batch = 0;
            try {
                for (; record != null && batch < props.batchRows(); record = reader.next()) {
                    counts.read++;
                    SubscriberRows.Result result = rows.check(record);
                    if (result instanceof SubscriberRows.Loaded l) {
                        copy.write(l.row());
                        batch++;
                    } else if (result instanceof SubscriberRows.Rejected r) {
                        counts.reject(r.error());
                    }
                }
            } catch (IOException | SQLException | RuntimeException e) {
                // The connection is unusable for the rollback while a COPY is open.
                in.cancelCopy();
                throw e;
            }
            copy.end();
            merge(c, counts);
            counts.accepted += batch;
        }
    }

    private static void merge(Connection c, Counts counts) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(MERGE)) {
                rs.next();
                counts.inserted += rs.getLong(1);
                counts.updated += rs.getLong(2);
            }
            s.execute("truncate subscriber_import");
        }
    }

    private static final class Counts {
        final int maxErrors;
        final List<RowError> errors = new ArrayList<>();
        long read;
        long accepted;
        long inserted;
        long updated;
        long rejected;

        Counts(int maxErrors) {
            this.maxErrors = maxErrors;
        }

        void reject(RowError e) {
            rejected++;
            if (errors.size() < maxErrors) {
                errors.add(e);
            }
            if (rejected <= LOGGED_ERRORS) {
                log.warn("subscriber import: line {} rejected: {}", e.line(), e.reason());
            } else if (rejected == LOGGED_ERRORS + 1) {
                log.warn("subscriber import: more than {} rows rejected; the rest are counted, not logged",
                        LOGGED_ERRORS);
            }
        }
    }
}
