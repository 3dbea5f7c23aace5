/**
 * The hand-off from the bridge to the rest of the system: call events encoded as
 * Redis Stream entries, the publisher that appends them, and the disk spool that
 * holds them while Redis cannot take them. The consumer side lives in
 * {@code callcenter}; both use {@link kz.line102.cti.stream.CallEventCodec}.
 */
package kz.line102.cti.stream;
