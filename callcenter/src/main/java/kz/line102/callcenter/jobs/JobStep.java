package kz.line102.callcenter.jobs;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One step registered with the engine: its jobs are {@code step} in {@code store}, worked
 * off by {@code handler} on the routes {@code <flow>-wake} and {@code <flow>-poll}.
 *
 * @param wakeByKey a wake-up that names a key (a card) claims only that key's job; without
 *               one, or when false, a wake-up drains every due job of the step
 * @param batch  jobs claimed at once; 1 spreads a backlog over the consumers, each
 *               holding one job at a time (a slow registry holds one consumer each)
 * @param onDead told of each job parked as dead, after it is parked
 * @param <J>    the job as its store reads it
 */
public record JobStep<J>(String flow, String step, JobStore<J> store, JobSettings settings, JobHandler<J> handler,
                         boolean wakeByKey, int batch, Consumer<J> onDead) {

    public JobStep {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(onDead, "onDead");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
    }

    /** A step whose wake-ups drain every due job, 100 claimed at a time. */
    public static <J> JobStep<J> of(String flow, String step, JobStore<J> store, JobSettings settings,
                                    JobHandler<J> handler) {
        return new JobStep<>(flow, step, store, settings, handler, false, 100, job -> { });
    }

    /** Wake-ups that name a key claim only that key's job. */
    public JobStep<J> byKey() {
        return new JobStep<>(flow, step, store, settings, handler, true, batch, onDead);
    }

    public JobStep<J> batch(int size) {
        return new JobStep<>(flow, step, store, settings, handler, wakeByKey, size, onDead);
    }

    public JobStep<J> onDead(Consumer<J> then) {
        return new JobStep<>(flow, step, store, settings, handler, wakeByKey, batch, then);
    }
}
