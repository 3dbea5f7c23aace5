/**
 * The recorder's API: {@link kz.line102.recorder.RecordingService} (ingest a finished
 * PBX recording, find, open, hold, purge, check), {@link kz.line102.recorder.Recording}
 * (one archived recording), the configuration record and the base of the recorder's
 * exceptions, each with a stable code the web layer maps to a status.
 *
 * <p>The library does not import Spring: the application wires it. It never depends on
 * the call centre or the bridge; call events arrive as plain values (call id, PBX file
 * name, call time).
 */
package kz.line102.recorder;
