/**
 * Turning a PBX recording into the archive's format: the WAV header check
 * ({@link kz.line102.recorder.transcode.WavProbe}, plain Java) and the Opus-in-Ogg encode and
 * decode-back ({@link kz.line102.recorder.transcode.Transcoder}). This is the only package
 * that touches JavaCV/FFmpeg, so a change of codec library stays here.
 */
package kz.line102.recorder.transcode;
