package kz.line102.callcenter.caller.bulk;

import kz.line102.callcenter.app.PersonalData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, checks and COPY-encodes rows on its own thread while the loader's thread
 * copies and merges the previous batch: on a large file the two halves of the work
 * overlap instead of taking turns. At most {@link #QUEUED} blocks (a few MB) wait
 * between them, so memory stays bounded however large the file.
 */
final class RowProducer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RowProducer.class);
    static final int QUEUED = 16;
    private static final int LOGGED_ERRORS = 1000;

    /** What the loader takes, in order. */
    sealed interface Item permits Block, BatchEnd, End, Failed {
    }

    record Block(byte[] bytes, int length) implements Item {
    }

    /** @param duplicates whether a number occurs twice in the batch (the merge must then pick the last) */
    record BatchEnd(int rows, boolean duplicates) implements Item {
    }

    record End() implements Item {
    }

    record Failed(Exception cause) implements Item {
    }

    private final CsvReader reader;
    private final SubscriberRows rows;
    private final int batchRows;
    private final int maxErrors;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUED);
    private volatile boolean cancelled;

    // Written by the producer thread only; read after End (the queue hand-off orders them).
    final List<RowError> errors = new ArrayList<>();
    long read;
    long rejected;

    RowProducer(CsvReader reader, SubscriberRows rows, int batchRows, int maxErrors) {
        this.reader = reader;
        this.rows = rows;
        this.batchRows = batchRows;
        this.maxErrors = maxErrors;
    }

    Item take() throws InterruptedException {
        return queue.take();
    }

    /** The loader gave up: stop reading, and never block on a queue nobody drains. */
    void cancel() {
        cancelled = true;
        queue.clear();
    }

    @Override
    public void run() {
        try {
            CopyRows copy = new CopyRows((bytes, length) -> put(new Block(bytes, length)));
            Set<String> seen = new HashSet<>();
            int batch = 0;
            boolean duplicates = false;
            for (CsvRecord r = reader.next(); r != null && !cancelled; r = reader.next()) {
                read++;
                SubscriberRows.Result result = rows.check(r);
                if (result instanceof SubscriberRows.Loaded l) {
                    copy.write(l.row());
                    duplicates |= !seen.add(l.row().numberE164());
                    if (++batch == batchRows) {
                        copy.flush();
                        put(new BatchEnd(batch, duplicates));
                        seen.clear();
                        batch = 0;
                        duplicates = false;
                    }
                } else if (result instanceof SubscriberRows.Rejected rj) {
                    reject(rj.error());
                }
            }
            copy.flush();
            if (batch > 0) {
                put(new BatchEnd(batch, duplicates));
            }
            put(new End());
        } catch (Exception e) {
            put(new Failed(e));
        }
    }

    private void reject(RowError e) {
        rejected++;
        if (errors.size() < maxErrors) {
            errors.add(e);
        }
        if (rejected <= LOGGED_ERRORS) {
            log.warn("subscriber import: line {} rejected: {}", e.line(), PersonalData.text(e.reason()));
        } else if (rejected == LOGGED_ERRORS + 1) {
            log.warn("subscriber import: more than {} rows rejected; the rest are counted, not logged", LOGGED_ERRORS);
        }
    }

    private void put(Item item) {
        try {
            while (!cancelled && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // The loader is busy merging; wait for room (or for a cancel).
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        }
    }
}
