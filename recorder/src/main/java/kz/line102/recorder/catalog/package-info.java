/**
 * The recordings index in PostgreSQL: insert at ingest, link to an incident, and the
 * archive search (time range, caller number, operator, call, incident) with keyset
 * paging, so page 10,000 of millions of rows costs what page 1 does. Also the small JDBC
 * helpers the other packages share.
 */
package kz.line102.recorder.catalog;
