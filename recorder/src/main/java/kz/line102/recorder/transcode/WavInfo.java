package kz.line102.recorder.transcode;

import java.time.Duration;

/**
 * What a WAV file holds, judged from its length rather than trusted from its header.
 *
 * @param dataOffset      where the audio starts in the file
 * @param dataBytes       the audio bytes actually there (whole frames)
 * @param truncatedReason why the header's sizes were not used (a file the PBX never closed:
 *                        a crash, or a call still recording), or null when they were right
 */
public record WavInfo(int format, int channels, int sampleRate, int bitsPerSample, long dataOffset, long dataBytes,
                      String truncatedReason) {

    /** No audio at all: a call that ended before any sound was written. */
    public boolean isEmpty() {
        return dataBytes == 0;
    }

    /** The header's sizes were wrong (zero, short or too long) and the length comes from the file. */
    public boolean truncated() {
        return truncatedReason != null;
    }

    /**
     * The header was written when MixMonitor closed the file and agrees with its length:
     * the file is finished and cannot grow any more.
     */
    public boolean closedByWriter() {
        return !truncated() && !isEmpty();
    }

    public int frameBytes() {
        return Math.max(1, channels * (bitsPerSample / 8));
    }

    public long frames() {
        int frameBytes = channels * (bitsPerSample / 8);
        return frameBytes == 0 ? 0 : dataBytes / frameBytes;
    }

    public Duration duration() {
        return Duration.ofNanos(frames() * 1_000_000_000L / sampleRate);
    }
}
