/**
 * The IT staff's API under {@code /api/v1/admin}: users and roles, workstations, and
 * bulk loads of the subscriber registry. Only HTTP here; the work is done by the
 * feature packages' services.
 */
package kz.line102.callcenter.admin;
