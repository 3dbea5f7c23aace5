/**
 * Installing the application beside a real Asterisk: the values the PBX's configuration
 * must share with this application (recording directory, FastAGI address, the dialplan's
 * default queue and priority), rendered from the application's own configuration so they
 * are written once, and served to IT staff as the file the dialplan includes. The
 * preflight ({@code preflight}) checks that the PBX and the stores agree with them.
 */
package kz.line102.callcenter.install;
