package kz.line102.recorder.catalog;

import java.util.List;

import kz.line102.recorder.Recording;

/** One page of a search, and the cursor of the next one (null on the last page). */
public record RecordingPage(List<Recording> items, String next) {

    public RecordingPage {
        items = List.copyOf(items);
    }
}
