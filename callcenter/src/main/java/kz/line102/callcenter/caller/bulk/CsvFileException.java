package kz.line102.callcenter.caller.bulk;

import kz.line102.callcenter.caller.ProblemCodes;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** The file as a whole cannot be read (no header, unknown column, not UTF-8 at all). */
public class CsvFileException extends ProblemException {

    CsvFileException(HttpStatus status, String code, String detail) {
        super(status, code, detail);
    }

    static CsvFileException header(String detail) {
        return new CsvFileException(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_CSV_HEADER, detail);
    }

    static CsvFileException encoding(String detail) {
        return new CsvFileException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemCodes.UNSUPPORTED_ENCODING, detail);
    }
}
