package kz.line102.callcenter.queue;

import java.util.ArrayList;
import java.util.List;

import kz.line102.cti.QueueControl;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queue configuration rendered as queues.conf (ADMIN; the configuration itself is
 * {@link QueueConfigController}'s); and the live queues (SUPERVISOR, ADMIN) for the wallboard.
 */
@RestController
@RequestMapping("/api/v1/queues")
class QueueController {

    private final QueueConfigService config;
    private final QueueSnapshots snapshots;
    private final QueueLoad load;

    QueueController(QueueConfigService config, QueueSnapshots snapshots, QueueLoad load) {
        this.config = config;
        this.snapshots = snapshots;
        this.load = load;
    }

    /** The configuration as app_queue's queues.conf, to put on the PBX (then {@code module reload app_queue.so}). */
    @GetMapping(value = "/queues.conf", produces = MediaType.TEXT_PLAIN_VALUE)
    String queuesConf() {
        return config.queuesConf();
    }

    /** One queue now: callers waiting, the longest wait, the PBX's figures and its members. */
    record LiveQueue(String name, int waiting, long longestWaitSeconds, int serviceLevelSeconds,
                     String serviceLevelPerf, Integer completed, Integer abandoned, List<QueueControl.Member> members) {
    }

    record Live(java.time.Instant statusAt, List<LiveQueue> queues) {
    }

    @GetMapping("/live")
    Live live() {
        QueueControl.Status status = snapshots.latest();
        List<LiveQueue> out = new ArrayList<>();
        for (QueueConfig.Queue q : config.config().queues()) {
            QueueLoad.Load l = load.of(q.name());
            QueueControl.QueueFigures figures = status == null ? null : status.queues().stream()
                    .filter(f -> f.queue().equals(q.name())).findFirst().orElse(null);
            List<QueueControl.Member> members = status == null ? List.of() : status.members().stream()
                    .filter(m -> m.queue().equals(q.name())).toList();
            out.add(new LiveQueue(q.name(), l.waiting(), l.longestWait().toSeconds(), q.serviceLevelSeconds(),
                    figures == null ? null : figures.serviceLevelPerf(), figures == null ? null : figures.completed(),
                    figures == null ? null : figures.abandoned(), members));
        }
        return new Live(status == null ? null : status.at(), out);
    }
}
