package kz.line102.callcenter.security;

/**
 * A security decision that must be in the hash-chained audit log ({@code audit_log}):
 * role changes and their four-eyes steps, caller-card reads, lockouts. Published
 * synchronously inside the deciding transaction; the archive module, which keeps the
 * chain, appends it in that same transaction, so the decision and its entry commit or
 * roll back together.
 *
 * @param action e.g. {@code role-changed}, {@code role-grant-proposed}, {@code caller-card-read}
 * @param detail what the entry says; never a full caller number
 */
public record ChainedAudit(String actor, String action, String detail) {
}
