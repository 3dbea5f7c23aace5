package kz.line102.cti.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSpoolTest {

    private final CallEventCodec codec = new CallEventCodec();

    @TempDir
    Path dir;

    private static Map<String, String> event(int n) {
        return Map.of(CallEventCodec.ID, "event-" + n, CallEventCodec.TYPE, "CallOffered", CallEventCodec.CALL,
                "call-" + n, CallEventCodec.AT, "2026-12-04T07:00:0" + n + "Z", CallEventCodec.BODY, "{}");
    }

    @Test
    void aTornTailIsCutOffOnOpenAndKeptInASideFileAndTheNextAppendStartsOnItsOwnLine() throws IOException {
        Path file;
        try (EventSpool spool = new EventSpool(dir, 1 << 20, codec)) {
            assertThat(spool.append(List.of(event(1), event(2), event(3)))).isTrue();
            file = spool.file();
        }
        // A crash in the middle of writing the third line: keep half of it.
        String whole = Files.readString(file, StandardCharsets.UTF_8);
        int thirdStart = whole.indexOf(codec.toLine(event(3)));
        long cut = thirdStart + codec.toLine(event(3)).length() / 2;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(cut);
        }
        String tornBytes = whole.substring(thirdStart, (int) cut);

        try (EventSpool spool = new EventSpool(dir, 1 << 20, codec)) {
            assertThat(spool.tornBytes()).isEqualTo(cut - thirdStart);
            assertThat(spool.append(List.of(event(4)))).isTrue();
            EventSpool.Chunk chunk = spool.peek(100);
            assertThat(chunk.events()).containsExactly(event(1), event(2), event(4));
            assertThat(spool.unreadableLines()).isZero();
            spool.consumed(chunk);
            assertThat(spool.hasPending()).isFalse();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sides = files.filter(p -> p.getFileName().toString().startsWith("call-events.spool.torn-"))
                    .toList();
            assertThat(sides).hasSize(1);
            assertThat(Files.readString(sides.get(0), StandardCharsets.UTF_8)).isEqualTo(tornBytes);
        }
    }

    @Test
    void aSpoolThatIsAllTornIsEmptiedAndAWholeOneIsLeftAsItIs() throws IOException {
        Path file = dir.resolve("call-events.spool");
        Files.writeString(file, "{\"id\":\"half");
        try (EventSpool spool = new EventSpool(dir, 1 << 20, codec)) {
            assertThat(spool.tornBytes()).isEqualTo(11);
            assertThat(spool.hasPending()).isFalse();
            assertThat(spool.append(List.of(event(1)))).isTrue();
        }
        try (EventSpool spool = new EventSpool(dir, 1 << 20, codec)) {
            assertThat(spool.tornBytes()).isZero();
            assertThat(spool.peek(10).events()).containsExactly(event(1));
        }
    }
}
