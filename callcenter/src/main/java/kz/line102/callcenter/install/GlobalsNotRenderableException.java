package kz.line102.callcenter.install;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The configuration cannot be turned into dialplan globals Asterisk could use (a relative
 * recording directory, a wildcard FastAGI address, port 0); the message names the key and
 * what to give instead.
 */
class GlobalsNotRenderableException extends ProblemException {

    GlobalsNotRenderableException(String detail) {
        super(HttpStatus.CONFLICT, ProblemCodes.ASTERISK_GLOBALS_UNRENDERABLE, detail);
    }
}
