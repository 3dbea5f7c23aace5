package kz.line102.cti.ami;

import java.time.Duration;
import java.util.List;

/**
 * What the PBX said it has, right after a (re)connect: the channels of
 * {@code CoreShowChannels} and the callers waiting in {@code QueueStatus}.
 * {@code requestedNanos} is when the question was sent (System.nanoTime): events received
 * before it are older than the answer.
 */
record PbxSnapshot(List<Channel> channels, List<Waiting> waiting, long requestedNanos) {

    PbxSnapshot {
        channels = List.copyOf(channels);
        waiting = List.copyOf(waiting);
    }

    /** One CoreShowChannel item. {@code age} is its Duration. */
    record Channel(String channel, String uniqueId, String linkedId, String context, String callerNumber,
                   String callerName, String exten, String application, String applicationData, Duration age,
                   String bridgeId) {

        boolean opensCall() {
            return uniqueId != null && uniqueId.equals(linkedId);
        }

        /** The queue the channel is in, if it runs the Queue application ({@code q102,,,,600} → {@code q102}). */
        String queue() {
            if (!"Queue".equalsIgnoreCase(application) || applicationData == null) {
                return null;
            }
            int comma = applicationData.indexOf(',');
            return comma < 0 ? applicationData : applicationData.substring(0, comma);
        }
    }

    /** One QueueEntry item: a caller waiting in {@code queue} for {@code waitSeconds}. */
    record Waiting(String queue, String uniqueId, int position, long waitSeconds) {
    }
}
