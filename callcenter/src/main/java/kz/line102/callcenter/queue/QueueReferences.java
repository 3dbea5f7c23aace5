package kz.line102.callcenter.queue;

import java.util.List;
import java.util.Map;

/** Who else names queues: a queue still named there is not removed from the configuration. */
public interface QueueReferences {

    /**
     * Queue name to what refers to it, in words of no language (a rule's name, a field such as
     * {@code defaultQueue}): the refusal's message is rendered in the reader's.
     */
    Map<String, List<String>> queuesNamed();
}
