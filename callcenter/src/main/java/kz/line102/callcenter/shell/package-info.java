/**
 * The shell every page shares: the localized sign-in page, the landing page per role at
 * {@code /}, the admin home, the session ({@code /api/v1/session}: who, the roles, the pages
 * this role may open, the user's own language) and the user's choice of language kept with their
 * account ({@code PUT /api/v1/session/language}; security gives it to the browser at sign-in), and the friendly 403/404 pages for browsers (API clients get problem
 * documents from the same error controller). The pages' own scripts and the one message bundle
 * are in {@code static/common/page.js} and {@code i18n/messages_*.properties}.
 */
package kz.line102.callcenter.shell;
