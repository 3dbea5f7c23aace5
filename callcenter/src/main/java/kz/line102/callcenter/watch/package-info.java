/**
 * The duty shift's own paperwork (MVD order 439, items 14-40): the watches and their
 * hand-over (briefing, inventory of documents and property checked item by item by the
 * incoming officer, both officers' signatures), and the numbered, append-only journals:
 * the Book of official reports, the shift notebook and the registers of messages and
 * orientations, all kinds of one journal engine configured in {@link WatchProperties}.
 */
package kz.line102.callcenter.watch;
