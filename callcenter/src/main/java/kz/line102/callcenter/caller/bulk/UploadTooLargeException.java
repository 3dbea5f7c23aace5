package kz.line102.callcenter.caller.bulk;

import kz.line102.callcenter.caller.ProblemCodes;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** The upload is over {@code line102.callcenter.caller.import.max-bytes}; nothing of it was loaded. */
public class UploadTooLargeException extends ProblemException {

    public UploadTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.UPLOAD_TOO_LARGE, "the upload is larger than " + maxBytes
                + " bytes (line102.callcenter.caller.import.max-bytes); nothing was loaded: split the file");
    }
}
