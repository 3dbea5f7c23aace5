package kz.line102.callcenter.queue;

import java.util.List;
import java.util.Map;

/** Who else names queues: a queue still named there is not removed from the configuration. */
public interface QueueReferences {

    /** Queue name to the names of what refers to it (for the refusal's message). */
    Map<String, List<String>> queuesNamed();
}
