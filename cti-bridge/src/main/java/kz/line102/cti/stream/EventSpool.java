package kz.line102.cti.stream;

import kz.line102.cti.LogMask;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of encoded call events that Redis could not take yet. It
 * survives a restart of the bridge: whatever is in it is delivered first when Redis
 * answers again. Reading is at-least-once: a crash between delivering a chunk and
 * truncating the file delivers that chunk again, which the idempotent consumer
 * absorbs. A crash in the middle of an append leaves a torn last line: on open it is
 * cut off and kept, byte for byte, in a side file ({@code call-events.spool.torn-*}),
 * so the next append starts on a fresh line instead of being merged with it.
 */
final class EventSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventSpool.class);

    private final Path file;
    private final long maxBytes;
    private final CallEventCodec codec;
    private final FileChannel channel;
    private long readOffset;
    private long unreadable;
    private long tornBytes;

    EventSpool(Path dir, long maxBytes, CallEventCodec codec) {
        this.maxBytes = maxBytes;
        this.codec = codec;
        try {
            Files.createDirectories(dir);
            this.file = dir.resolve("call-events.spool");
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event spool in " + dir, e);
        }
        repairTornTail();
        if (bytes() > 0) {
            log.warn("event spool {} holds {} bytes from an earlier run; they are delivered first", file, bytes());
        }
    }

    /**
     * Cuts the file back to the end of its last complete line. The torn bytes are saved
     * first (and forced to disk) so that nothing is thrown away unseen: an operator can
     * read them, and a tail that only lacks its newline can be replayed by hand.
     */
    private void repairTornTail() {
        try {
            long size = channel.size();
            long end = endOfLastCompleteLine(size);
            if (end == size) {
                return;
            }
            ByteBuffer torn = ByteBuffer.allocate(Math.toIntExact(size - end));
            while (torn.hasRemaining() && channel.read(torn, end + torn.position()) > 0) {
                // reads until the tail is whole
            }
            Path side = sideFile();
            try (FileChannel out = FileChannel.open(side, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                torn.flip();
                while (torn.hasRemaining()) {
                    out.write(torn);
                }
                out.force(true);
            }
            channel.truncate(end);
            channel.force(true);
            tornBytes += size - end;
            log.error("event spool {} ended in a torn line ({} bytes after the last complete record, left by a crash"
                    + " mid-append); cut back to {} bytes, the torn bytes kept in {}", file, size - end, end, side);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair the torn tail of the event spool " + file, e);
        }
    }

    /** Scans back from the end for the last newline: a line is complete only with its newline. */
    private long endOfLastCompleteLine(long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long pos = size;
        while (pos > 0) {
            int len = (int) Math.min(buf.capacity(), pos);
            buf.clear().limit(len);
            long from = pos - len;
            while (buf.hasRemaining() && channel.read(buf, from + buf.position()) > 0) {
                // reads until the block is whole
            }
            for (int i = buf.position() - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            pos = from;
        }
        return 0;
    }

    private Path sideFile() {
        String base = file.getFileName() + ".torn-" + System.currentTimeMillis();
        Path side = file.resolveSibling(base);
        for (int n = 1; Files.exists(side); n++) {
            side = file.resolveSibling(base + "-" + n);
        }
        return side;
    }

    /**
     * Appends the whole batch durably, or nothing of it.
     *
     * @return false when the batch does not fit under the size limit or the disk refused it
     */
    synchronized boolean append(List<Map<String, String>> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 512);
        for (Map<String, String> fields : batch) {
            out.writeBytes(codec.toLine(fields).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        long size = -1;
        try {
            size = channel.size();
            if (size + out.size() > maxBytes) {
                return false;
            }
            ByteBuffer buf = ByteBuffer.wrap(out.toByteArray());
            long pos = size;
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
            channel.force(false);
            return true;
        } catch (IOException e) {
            log.error("cannot write {} call events to the spool {}: {}", batch.size(), file, e.toString());
            cutBack(size);
            return false;
        }
    }

    /** A write that failed half way must not leave a partial line for the next append to merge with. */
    private void cutBack(long size) {
        if (size < 0) {
            return;
        }
        try {
            if (channel.size() > size) {
                channel.truncate(size);
            }
        } catch (IOException e) {
            log.error("cannot cut the spool {} back to {} bytes after a failed write; the next open repairs it: {}",
                    file, size, e.toString());
        }
    }

    synchronized long bytes() {
        try {
            return channel.size() - readOffset;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized boolean hasPending() {
        return bytes() > 0;
    }

    /** Up to {@code max} events from the read position, without moving it. */
    synchronized Chunk peek(int max) {
        List<Map<String, String>> events = new ArrayList<>(max);
        long pos = readOffset;
        try {
            long size = channel.size();
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (events.size() < max && pos < size) {
                buf.clear();
                int n = channel.read(buf, pos);
                if (n <= 0) {
                    break;
                }
                buf.flip();
                while (buf.hasRemaining() && events.size() < max) {
                    byte b = buf.get();
                    pos++;
                    if (b != '\n') {
                        line.write(b);
                        continue;
                    }
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    try {
                        events.add(codec.fromLine(text));
                    } catch (MalformedCallEventException e) {
                        unreadable++;
                        log.error("LOST call event: unreadable spool line in {} ({}): {}", file, e.getMessage(),
                                LogMask.text(text));
                    }
                }
                if (line.size() > 0 && events.size() < max && pos >= size) {
                    // A torn last line from a crash mid-append: leave it out of this chunk.
                    pos -= line.size();
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event spool " + file, e);
        }
        return new Chunk(events, pos);
    }

    /** Marks a chunk from {@link #peek} as delivered; an empty spool is truncated. */
    synchronized void consumed(Chunk chunk) {
        readOffset = Math.max(readOffset, chunk.endOffset());
        try {
            if (readOffset >= channel.size()) {
                channel.truncate(0);
                channel.force(false);
                readOffset = 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate the event spool " + file, e);
        }
    }

    synchronized long unreadableLines() {
        return unreadable;
    }

    /** Bytes of torn tails cut off (and kept in side files) since this spool was opened. */
    synchronized long tornBytes() {
        return tornBytes;
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("closing the event spool {}: {}", file, e.toString());
        }
    }

    record Chunk(List<Map<String, String>> events, long endOffset) {
    }
}
