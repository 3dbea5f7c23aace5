/**
 * Who may do what: users and their roles in PostgreSQL, password hashing, form
 * sign-in for pages and HTTP Basic for the API, the one URL-to-role table, and the
 * way a first administrator comes into being (environment, never a default).
 */
package kz.line102.callcenter.security;
