package kz.line102.callcenter.archive;

import org.springframework.http.HttpStatus;

import kz.line102.callcenter.app.ProblemException;

/**
 * An archive call without a usable legal-basis request: none given
 * ({@code archive-request-required}), or one that is unknown, another auditor's or
 * older than a sitting ({@code archive-request-invalid}). 428: record one and retry.
 */
class ArchiveRequestRequiredException extends ProblemException {

    ArchiveRequestRequiredException(String code, String detail) {
        super(HttpStatus.PRECONDITION_REQUIRED, code, detail);
    }
}
