/** The calls REST API: {@code /api/v1/calls}. */
package kz.line102.callcenter.call.web;
