/**
 * The preflight: checks that the PBX, the stores and this node are set up as the
 * application expects (AMI login and classes, the dialplan's shared globals, the recording
 * directory, Asterisk's logs in PostgreSQL, Redis persistence, database roles, clocks), each
 * finding with what to change, in the reader's language. Run on request by IT staff
 * ({@code GET /api/v1/admin/preflight} and its page {@code /admin/preflight}), from the command
 * line ({@code --preflight}, {@link kz.line102.callcenter.install.preflight.PreflightCommand}) and
 * once at start-up into the log and health.
 */
package kz.line102.callcenter.install.preflight;
