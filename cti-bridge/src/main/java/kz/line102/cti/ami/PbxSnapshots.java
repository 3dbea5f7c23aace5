package kz.line102.cti.ami;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;

/** Asks the PBX what it has now ({@code CoreShowChannels}, {@code QueueStatus}) and reads the answer. */
final class PbxSnapshots {

    private PbxSnapshots() {
    }

    static PbxSnapshot take(ManagerConnection connection, long timeoutMillis) throws IOException {
        long requested = System.nanoTime();
        List<PbxSnapshot.Channel> channels = new ArrayList<>();
        for (ResponseEvent e : ask(connection, new CoreShowChannelsAction(), timeoutMillis)) {
            if (e instanceof CoreShowChannelEvent c) {
                channels.add(new PbxSnapshot.Channel(c.getChannel(), c.getUniqueid(), c.getLinkedid(),
                        c.getContext(), c.getCallerIdNum(), c.getCallerIdName(), c.getExten(), c.getApplication(),
                        c.getApplicationdata(), AmiValues.hms(c.getDuration()), c.getBridgeid()));
            }
        }
        List<PbxSnapshot.Waiting> waiting = new ArrayList<>();
        for (ResponseEvent e : ask(connection, new QueueStatusAction(), timeoutMillis)) {
            if (e instanceof QueueEntryEvent q) {
                waiting.add(new PbxSnapshot.Waiting(q.getQueue(), q.getUniqueId(), AmiValues.intOr0(q.getPosition()),
                        q.getWait() == null ? 0 : q.getWait()));
            }
        }
        return new PbxSnapshot(channels, waiting, requested);
    }

    private static List<ResponseEvent> ask(ManagerConnection connection, EventGeneratingAction action, long timeout)
            throws IOException {
        try {
            ResponseEvents answer = connection.sendEventGeneratingAction(action, timeout);
            if (answer.getResponse() instanceof ManagerError error) {
                throw new IOException(action.getAction() + " refused: " + error.getMessage());
            }
            return new ArrayList<>(answer.getEvents());
        } catch (EventTimeoutException e) {
            throw new IOException(action.getAction() + " not answered in " + timeout + " ms", e);
        } catch (org.asteriskjava.manager.TimeoutException e) {
            throw new IOException(action.getAction() + " not answered in " + timeout + " ms", e);
        } catch (IllegalStateException e) {
            throw new IOException(action.getAction() + " not sent: " + e.getMessage(), e);
        }
    }
}
