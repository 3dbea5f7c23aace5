/** Tests of the archive: ingest after intake, the auditors' API, the audit chain. */
package kz.line102.callcenter.archive;
