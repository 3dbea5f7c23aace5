package kz.line102.callcenter.queue;

import java.util.ArrayList;
import java.util.List;

import kz.line102.callcenter.stats.Figures;
import kz.line102.callcenter.stats.LiveStats;
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
    private final LiveStats stats;

    QueueController(QueueConfigService config, QueueSnapshots snapshots, QueueLoad load, LiveStats stats) {
        this.config = config;
        this.stats = stats;
        this.snapshots = snapshots;
        this.load = load;
    }

    /** The configuration as app_queue's queues.conf, to put on the PBX (then {@code module reload app_queue.so}). */
    @GetMapping(value = "/queues.conf", produces = MediaType.TEXT_PLAIN_VALUE)
    String queuesConf() {
        return config.queuesConf();
    }

    /**
     * One queue now: callers waiting, the longest wait, its members, and the current watch's
     * figures by the statistics' one definition (docs/statistics.md): the PBX's own
     * ServicelevelPerf is not shown, as it counts abandons differently and read over 100 %.
     */
    record LiveQueue(String name, int waiting, long longestWaitSeconds, int serviceLevelSeconds,
                     Double serviceLevel, long offered, long answered, long abandoned, long shortAbandoned,
                     List<QueueControl.Member> members) {
    }

    record Live(java.time.Instant statusAt, List<LiveQueue> queues) {
    }

    @GetMapping("/live")
    Live live() {
        QueueControl.Status status = snapshots.latest();
        List<LiveQueue> out = new ArrayList<>();
        for (QueueConfig.Queue q : config.config().queues()) {
            QueueLoad.Load l = load.of(q.name());
            Figures figures = stats.watch(q.name(), q.serviceLevelSeconds());
            List<QueueControl.Member> members = status == null ? List.of() : status.members().stream()
                    .filter(m -> m.queue().equals(q.name())).toList();
            out.add(new LiveQueue(q.name(), l.waiting(), l.longestWait().toSeconds(), figures.serviceLevelSeconds(),
                    figures.serviceLevel(), figures.offered(), figures.answered(), figures.abandoned(),
                    figures.shortAbandoned(), members));
        }
        return new Live(status == null ? null : status.at(), out);
    }
}
