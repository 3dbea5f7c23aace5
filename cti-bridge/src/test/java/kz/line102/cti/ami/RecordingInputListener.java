package kz.line102.cti.ami;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers what the input guard reported. */
final class RecordingInputListener implements AmiInputListener {

    final List<MalformedInput> kinds = Collections.synchronizedList(new ArrayList<>());
    final List<String> details = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Integer> filtered = new ConcurrentHashMap<>();

    @Override
    public void malformed(MalformedInput kind, String detail) {
        kinds.add(kind);
        details.add(detail);
    }

    @Override
    public void filtered(String eventName) {
        filtered.merge(eventName, 1, Integer::sum);
    }
}
