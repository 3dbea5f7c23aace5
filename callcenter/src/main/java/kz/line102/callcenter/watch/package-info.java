/**
 * The duty shift's own paperwork (MVD order 439, items 14-40): the watches and their
 * hand-over (briefing, inventory of documents and property checked item by item by the
 * incoming officer, both officers' signatures), and the numbered, append-only journals:
 * the Book of official reports, the shift notebook and the registers of messages and
 * orientations, all kinds of one journal engine configured in {@link WatchProperties}; the
 * chief's hand-over by commission with its act; and reports of serious events, drafted from an
 * incident card, signed by the chief and sent on to the higher instance on the job engine
 * ({@link SeriousReportRoutes}, configured in {@link SeriousReportProperties}); links of
 * entries to incident cards, shown back on the card through {@link CardLinkService} (the
 * incident module never depends on this one); and the retention purge of whole expired years
 * of every journal and of the reports ({@link RetentionSweeper}).
 */
package kz.line102.callcenter.watch;
