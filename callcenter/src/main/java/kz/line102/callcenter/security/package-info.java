/**
 * Who may do what: users and their roles in PostgreSQL, password hashing, form
 * sign-in for pages and HTTP Basic for the API, the one URL-to-role table, and the
 * way a first administrator comes into being (environment, never a default).
 *
 * <h2>Need to know</h2>
 * The URL table says which roles may reach an endpoint; personal data (a caller's
 * name, address, position and call history; an incident card) further needs the call
 * to be the user's, decided by {@link kz.line102.callcenter.security.CallAccess}:
 * <ul>
 * <li><b>A call is an operator's</b> when it rang, was answered or completed at the
 *     extension (or queue member interface) of a desk this user was signed in at, at
 *     that time: an {@code OperatorRang}, {@code CallAnswered} or {@code CallCompleted}
 *     event of the call whose operator is the extension of one of the user's
 *     {@code operator_sessions}, at a time that session was open. The binding is the
 *     sign-in history, not who sits there now: a desk's next operator does not inherit
 *     the previous one's callers, and an operator who moved keeps the calls they took.</li>
 * <li><b>Caller cards</b> ({@code GET /api/v1/callers/{number}}): an operator for a
 *     number on one of their calls of the current watch; a supervisor for any call of
 *     the current watch. Anything else needs a stated reason ({@code reason} parameter
 *     or {@code X-Lookup-Reason} header), counts against a per-user limit (429
 *     {@code lookup-rate-limited}) and without one is refused (403 {@code need-to-know}).
 *     Every read and refusal is in {@code security_audit}: who, the call, the number
 *     masked and as a keyed digest, the reason.</li>
 * <li><b>Incident cards</b>: an operator reads the cards they opened and those of calls
 *     they answered, and opens a draft only for a call that reached their desk in this
 *     watch and that no other desk answered; the duty officer reads the cards of the
 *     watch and every card still open; auditors and IT staff read any card, change none.</li>
 * </ul>
 * Calls handed out by the system itself (the screen-pop of the desk that rings, the
 * draft opened for the operator who answered) follow the same rule by construction.
 *
 * <h2>Sessions follow the account</h2>
 * {@link kz.line102.callcenter.security.AccountSessions} keeps a per-user session generation
 * in Redis (checked on each session request by {@code SessionGenerationFilter}) and every
 * node's sockets by user, closed over a Redis channel. {@link kz.line102.callcenter.security.UserService}
 * refuses self-grants and direct AUDITOR grants ({@link kz.line102.callcenter.security.RoleGrants}:
 * four eyes); role changes and each four-eyes step are published as
 * {@link kz.line102.callcenter.security.ChainedAudit} and appended to the hash chain in the
 * deciding transaction.
 *
 * <h2>Abuse and size limits</h2>
 * Sign-in throttling is in {@code signin}; request bodies are bounded before they are
 * read ({@link kz.line102.callcenter.security.RequestSizeFilter}); the costly endpoints
 * are limited per user ({@link kz.line102.callcenter.security.RateLimitFilter}). Log
 * lines show caller numbers masked ({@link kz.line102.callcenter.app.PersonalData}).
 */
package kz.line102.callcenter.security;
