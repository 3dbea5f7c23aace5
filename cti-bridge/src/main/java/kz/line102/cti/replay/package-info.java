/**
 * The AMI replay server: a TCP server that speaks AMI like Asterisk 22 and plays
 * sessions captured from a real Asterisk (the {@code ami-*.txt} resources beside this
 * package) with fresh identities per call, at real, accelerated or unbounded pace.
 * It answers the status actions (CoreShowChannels, QueueStatus, QueueSummary) from
 * the live state of what it has played. Used by tests, the benchmark and the demo;
 * {@link kz.line102.cti.replay.AmiReplayServer} is the entry point and
 * {@link kz.line102.cti.replay.AmiReplayMain} the command line.
 */
package kz.line102.cti.replay;
