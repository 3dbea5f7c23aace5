/** The incident card REST API ({@code /api/v1/incidents}). */
package kz.line102.callcenter.incident.web;
