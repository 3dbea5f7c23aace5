/** The routing rules' REST API ({@code /api/v1/routing}): for IT staff (ADMIN). */
package kz.line102.callcenter.routing.web;
