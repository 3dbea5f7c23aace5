package kz.line102.callcenter.cti;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.line102.cti.replay.ReplayHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What MixMonitor would leave in the spool for each played call of the demo: a WAV (8 kHz
 * mono 16-bit PCM, as Asterisk writes) under the name the call's {@code MIXMONITOR_FILENAME}
 * announces, so the recorder archives it when the call's RecordingFinished arrives and the
 * auditors' archive has something to play. Answered calls hold a conversation made once at
 * start-up ({@link SpeechLikeAudio}); calls nobody answered hold the ring-back tone the caller
 * heard. Written whole before the call ends, through a hidden temporary name, so the recorder
 * never reads half a file.
 */
final class DemoRecordings {

    private static final Logger log = LoggerFactory.getLogger(DemoRecordings.class);
    /** Longest recording written: the captured calls are shorter; a longer one loops the conversation. */
    private static final int MAX_SECONDS = 60;
    private static final int CONVERSATION_SECONDS = 30;

    private final Path spool;
    private final short[] conversation;

    DemoRecordings(Path spool) {
        this.spool = spool.toAbsolutePath().normalize();
        this.conversation = SpeechLikeAudio.conversation(CONVERSATION_SECONDS, 102L);
    }

    Path spool() {
        return spool;
    }

    /** Writes the call's recordings (two callers, two files); returns the files written. */
    List<Path> write(ReplayHandle call, long lengthMillis) {
        boolean answered = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < call.eventCount(); i++) {
            Map<String, String> e = call.event(i, 0);
            answered |= "AgentConnect".equals(e.get("Event"));
            if ("VarSet".equals(e.get("Event")) && "MIXMONITOR_FILENAME".equals(e.get("Variable"))
                    && e.get("Value") != null && !names.contains(e.get("Value"))) {
                names.add(e.get("Value"));
            }
        }
        int samples = (int) Math.min(MAX_SECONDS * 1000L, Math.max(3000, lengthMillis)) * SpeechLikeAudio.SAMPLE_RATE
                / 1000;
        List<Path> written = new ArrayList<>();
        for (String name : names) {
            Path fileName = Path.of(name).getFileName();
            if (fileName == null) {
                continue;
            }
            try {
                written.add(writeWav(fileName.toString(), answered ? speech(samples) : ringBack(samples)));
            } catch (IOException e) {
                log.warn("demo recording {} not written to {}: {}", fileName, spool, e.toString());
            }
        }
        return written;
    }

    private Path writeWav(String name, short[] pcm) throws IOException {
        Files.createDirectories(spool);
        Path target = spool.resolve(name);
        Path temporary = spool.resolve("." + name + ".part");
        Files.write(temporary, wav(pcm));
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private short[] speech(int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = conversation[i % conversation.length];
        }
        return out;
    }

    /** 425 Hz, one second on, four off: the ring-back tone of Kazakhstan's network. */
    private static short[] ringBack(int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            boolean on = i % (5 * SpeechLikeAudio.SAMPLE_RATE) < SpeechLikeAudio.SAMPLE_RATE;
            out[i] = on ? (short) (4000 * Math.sin(2 * Math.PI * 425 * i / SpeechLikeAudio.SAMPLE_RATE)) : 0;
        }
        return out;
    }

    /** A canonical 44-byte RIFF header and the samples, little-endian, as MixMonitor's wav format. */
    static byte[] wav(short[] pcm) {
        int data = pcm.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + data)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(SpeechLikeAudio.SAMPLE_RATE).putInt(SpeechLikeAudio.SAMPLE_RATE * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data);
        for (short s : pcm) {
            b.putShort(s);
        }
        return b.array();
    }
}
