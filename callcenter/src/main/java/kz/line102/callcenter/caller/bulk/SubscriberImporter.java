package kz.line102.callcenter.caller.bulk;

import kz.line102.callcenter.caller.ProblemCodes;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.caller.CallerProperties;
import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.caller.SubscriberCache;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;

/**
 * Loads the subscriber registry from CSV, sized for tens of millions of rows: rows
 * are read and checked as they stream in ({@link RowProducer}, on its own thread),
 * good ones go by COPY into a temporary table in batches, and each batch is merged
 * into {@code subscribers} with {@code INSERT … ON CONFLICT DO UPDATE} (a re-import
 * updates, never duplicates). The whole load is one transaction: a cut connection or
 * an oversized upload loads nothing, so a file is either in or out. The caller cache
 * is invalidated after commit. At most {@link #CONCURRENT} loads run at once.
 */
@Service
public class SubscriberImporter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SubscriberImporter.class);
    static final int CONCURRENT = 2;

    private static final String MERGE = """
            with src as (%s), merged as (
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
    // ON CONFLICT may touch a row once per statement: with a number twice in a batch, the last line wins.
    private static final String MERGE_LAST_WINS = MERGE.formatted(
            "select distinct on (number_e164) * from subscriber_import order by number_e164, line desc");
    private static final String MERGE_ALL = MERGE.formatted("select * from subscriber_import");
    // Half the cost of ON CONFLICT's speculative insertion: the path of a first load.
    private static final String INSERT_ALL = """
            insert into subscribers (number_e164, holder_name, address, lat, lon, source, updated_at)
            select number_e164, holder_name, address, lat, lon, source, clock_timestamp() from subscriber_import""";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final PhoneNumbers numbers;
    private final SubscriberCache cache;
    private final CallerProperties.Import props;
    private final ThreadPoolExecutor producers;

    public SubscriberImporter(DataSource dataSource, PhoneNumbers numbers, SubscriberCache cache,
                              CallerProperties props) {
        this.dataSource = dataSource;
        this.numbers = numbers;
        this.cache = cache;
        this.props = props.importing();
        AtomicInteger n = new AtomicInteger();
        this.producers = new ThreadPoolExecutor(CONCURRENT, CONCURRENT, 1, TimeUnit.MINUTES, new SynchronousQueue<>(),
                r -> new Thread(r, "subscriber-import-" + n.incrementAndGet()));
        this.producers.allowCoreThreadTimeOut(true);
    }

    /**
     * @param source  recorded with each row that names none (e.g. the exchange's name)
     * @throws UploadTooLargeException past {@code max-bytes}; nothing loaded
     * @throws CsvFileException        when the header or the encoding makes the file unreadable
     */
    public ImportReport load(InputStream csv, String source) throws IOException {
        long t0 = System.nanoTime();
        CsvReader reader = new CsvReader(new BoundedInputStream(csv, props.maxBytes().toBytes()),
                props.maxRecordBytes());
        SubscriberRows rows = new SubscriberRows(reader.next(), numbers, source);
        RowProducer producer = new RowProducer(reader, rows, props.batchRows(), props.maxReportedErrors());
        Merged merged = new Merged();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            Future<?> reading = start(producer);
            try {
                loadAll(c, producer, merged);
                c.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                abandon(c, producer, reading, source, e);
                throw e;
            } catch (InterruptedException e) {
                abandon(c, producer, reading, source, e);
                Thread.currentThread().interrupt();
                throw new IOException("subscriber import interrupted", e);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("subscriber import: " + e.getMessage(), e);
        }
        if (merged.inserted + merged.updated > 0) {
            cache.registryChanged();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ImportReport report = new ImportReport(producer.read, merged.accepted, merged.inserted, merged.updated,
                merged.accepted - merged.inserted - merged.updated, producer.rejected, List.copyOf(producer.errors),
                producer.rejected > producer.errors.size(), Math.round(seconds * 1000) / 1000.0,
                Math.round(producer.read / Math.max(seconds, 1e-9)));
        log.info("subscriber import from '{}': {} rows read, {} inserted, {} updated, {} unchanged, {} rejected "
                + "in {} s ({} rows/s; {} s of it merging)", source, report.rowsRead(), report.inserted(),
                report.updated(), report.unchanged(), report.rejected(), report.seconds(), report.rowsPerSecond(),
                merged.mergeNanos / 1_000_000_000);
        return report;
    }

    private static void abandon(Connection c, RowProducer producer, Future<?> reading, String source, Exception e)
            throws SQLException {
        producer.cancel();
        reading.cancel(true);
        c.rollback();
        log.warn("subscriber import from '{}' failed after {} rows; nothing loaded: {}", source, producer.read,
                e.toString());
    }

    private Future<?> start(RowProducer producer) {
        try {
            return producers.submit(producer);
        } catch (RejectedExecutionException e) {
            throw new ConflictException(ProblemCodes.IMPORT_BUSY,
                    CONCURRENT + " subscriber imports are running already; try again when one has finished");
        }
    }

    private static void loadAll(Connection c, RowProducer producer, Merged merged)
            throws IOException, SQLException, InterruptedException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create temp table if not exists subscriber_import (number_e164 text collate "C",
                        holder_name text, address text, lat float8, lon float8, source text, line bigint)
                    on commit drop""");
        }
        CopyManager copies = c.unwrap(PGConnection.class).getCopyAPI();
        CopyIn copy = null;
        try {
            while (true) {
                RowProducer.Item item = producer.take();
                if (item instanceof RowProducer.Block b) {
                    copy = copy == null ? copies.copyIn("copy subscriber_import from stdin") : copy;
                    copy.writeToCopy(b.bytes(), 0, b.length());
                } else if (item instanceof RowProducer.BatchEnd end) {
                    if (copy != null) {
                        copy.endCopy();
                        copy = null;
                    }
                    merge(c, merged, end.duplicates());
                    merged.accepted += end.rows();
                } else if (item instanceof RowProducer.Failed f) {
                    throw rethrow(f.cause());
                } else {
                    return;
                }
            }
        } finally {
            if (copy != null && copy.isActive()) {
                // The connection cannot roll back while a COPY is open.
                copy.cancelCopy();
            }
        }
    }

    /**
     * Tries a plain insert first while no batch of this load has met an existing
     * number: a first load of the registry never does. The first unique violation
     * (found at the first existing number, so little work is lost) switches the rest
     * of the load to the upsert.
     */
    private static void merge(Connection c, Merged merged, boolean duplicates) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            boolean done = false;
            if (!duplicates && !merged.existingSeen) {
                Savepoint before = c.setSavepoint();
                try {
                    merged.inserted += s.executeUpdate(INSERT_ALL);
                    c.releaseSavepoint(before);
                    done = true;
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    c.rollback(before);
                    merged.existingSeen = true;
                }
            }
            if (!done) {
                try (ResultSet rs = s.executeQuery(duplicates ? MERGE_LAST_WINS : MERGE_ALL)) {
                    rs.next();
                    merged.inserted += rs.getLong(1);
                    merged.updated += rs.getLong(2);
                }
            }
            s.execute("truncate subscriber_import");
        }
        merged.mergeNanos += System.nanoTime() - t0;
    }

    private static IOException rethrow(Exception e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        return e instanceof IOException io ? io : new IOException(e);
    }

    @Override
    public void destroy() {
        producers.shutdownNow();
    }

    private static final class Merged {
        long accepted;
        long inserted;
        long updated;
        long mergeNanos;
        boolean existingSeen;
    }
}
