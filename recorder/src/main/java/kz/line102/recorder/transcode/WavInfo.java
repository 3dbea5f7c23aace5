package kz.line102.recorder.transcode;

import java.time.Duration;

/** What a WAV header says, once checked against the file's real length. */
public record WavInfo(int format, int channels, int sampleRate, int bitsPerSample, long dataBytes) {

    /** No audio at all: a call that ended before any sound was written. */
    public boolean isEmpty() {
        return dataBytes == 0;
    }

    public long frames() {
        int frameBytes = channels * (bitsPerSample / 8);
        return frameBytes == 0 ? 0 : dataBytes / frameBytes;
    }

    public Duration duration() {
        return Duration.ofNanos(frames() * 1_000_000_000L / sampleRate);
    }
}
