/** The statistics' HTTP API under {@code /api/v1/stats} and its CSV and PDF exports. */
package kz.line102.callcenter.stats.web;
