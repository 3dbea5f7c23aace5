package kz.line102.callcenter.app;

import org.springframework.http.HttpStatus;

/** The request body comes in a content type or encoding this endpoint does not read. */
public class UnsupportedMediaTypeException extends ProblemException {

    public UnsupportedMediaTypeException(String detail) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemCodes.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    public UnsupportedMediaTypeException(String detail, java.util.List<?> args) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemCodes.UNSUPPORTED_MEDIA_TYPE, detail, args);
    }
}
