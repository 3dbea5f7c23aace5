package kz.line102.recorder.access;

import kz.line102.recorder.InvalidRequestException;

/**
 * Who asks for a recording and on what legal basis (an investigator's, prosecutor's,
 * court's or lawyer's request), as the web layer authenticated it. Required for every
 * access so none goes unlogged.
 */
public record AccessRequest(String userId, String legalBasis, String reference) {

    public AccessRequest {
        userId = InvalidRequestException.requireText(userId, "user id");
        legalBasis = InvalidRequestException.requireText(legalBasis, "legal basis");
    }
}
