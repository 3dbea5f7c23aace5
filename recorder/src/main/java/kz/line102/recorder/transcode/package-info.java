/**
 * Turning a PBX recording into the archive's format: the WAV header check
 * ({@link kz.line102.recorder.transcode.WavProbe}, plain Java) and the Opus-in-Ogg encode and
 * decode-back ({@link kz.line102.recorder.transcode.Transcoder}); an uploaded file's kind
 * ({@link kz.line102.recorder.transcode.MediaProbe}) and the stream copy of an interview's
 * video into a clean MP4 or WebM, read back before it is archived
 * ({@link kz.line102.recorder.transcode.VideoRemuxer}). This is the only package
 * that touches JavaCV/FFmpeg, so a change of codec library stays here.
 */
package kz.line102.recorder.transcode;
