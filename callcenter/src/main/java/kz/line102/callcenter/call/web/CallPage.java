package kz.line102.callcenter.call.web;

import java.util.List;

/** One page of calls, newest first; {@code hasMore} says whether the next page has any. */
record CallPage(List<CallView> items, int page, int size, boolean hasMore) {
}
