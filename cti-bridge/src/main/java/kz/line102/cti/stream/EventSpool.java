package kz.line102.cti.stream;

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
 * absorbs.
 */
final class EventSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventSpool.class);

    private final Path file;
    private final long maxBytes;
    private final CallEventCodec codec;
    private final FileChannel channel;
    private long readOffset;
    private long unreadable;

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
        if (bytes() > 0) {
            log.warn("event spool {} holds {} bytes from an earlier run; they are delivered first", file, bytes());
        }
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
        try {
            long size = channel.size();
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
            return false;
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
                        log.error("LOST call event: unreadable spool line in {} ({}): {}", file, e.getMessage(), text);
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
