package kz.line102.callcenter.security;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** 403 {@code need-to-know}: personal data of a call that is not the user's, asked for without a stated reason. */
public class NeedToKnowException extends ProblemException {

    public NeedToKnowException(String detail) {
        super(HttpStatus.FORBIDDEN, ProblemCodes.NEED_TO_KNOW, detail);
    }
}
