package kz.line102.cti.ami;

import java.util.function.BiConsumer;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;

/**
 * The listener asterisk-java calls on its dispatch thread. It does the least it can:
 * skips responses to our own actions (their caller collects them), stamps the receive
 * time, and queues the event on its call's lane. Nothing here blocks or parses.
 */
final class AmiEventRouter implements ManagerEventListener {

    private final AmiEventTranslator translator;
    private final BiConsumer<String, Runnable> lanes;
    private final Runnable counted;

    AmiEventRouter(AmiEventTranslator translator, BiConsumer<String, Runnable> lanes, Runnable counted) {
        this.translator = translator;
        this.lanes = lanes;
        this.counted = counted;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        counted.run();
        if (event instanceof ResponseEvent) {
            return;
        }
        String linkedId = AmiValues.linkedId(event);
        if (linkedId == null) {
            return;
        }
        long received = System.nanoTime();
        lanes.accept(linkedId, () -> translator.translate(event, received));
    }
}
