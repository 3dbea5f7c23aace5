package kz.line102.recorder.transcode;

import java.nio.file.Path;
import java.time.Duration;

/** The encoded file and what decoding it back measured. */
public record TranscodeResult(Path file, long sizeBytes, Duration decodedDuration, String codec) {
}
