package kz.line102.callcenter.app;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import kz.line102.recorder.RecorderException;
import kz.line102.recorder.access.MalformedRangeException;
import kz.line102.recorder.access.RangeNotSatisfiableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** The one place failures become HTTP answers. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        log.info("{} {} -> {} {}: {}", request.getMethod(), uri(request), e.status().value(), e.code(),
                PersonalData.text(e.getMessage()));
        ProblemDetail detail = Problems.keyed(e.status(), e.code(), e.key(), e.args(), e.getMessage(), request);
        java.util.Locale locale = ProblemTexts.locale(request);
        e.properties().forEach((name, value) -> detail.setProperty(name, localized(value, locale)));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        // A 429 says when to come back (RFC 9110 §10.2.3).
        if (e.status() == HttpStatus.TOO_MANY_REQUESTS && e.properties().get("retryAfterSeconds") instanceof Number n) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(n.longValue()));
        }
        return answer.body(detail);
    }

    /**
     * The recorder's failures, by their stable codes. A 416 names the file's size in
     * {@code Content-Range: bytes *}{@code /size} so a player can ask again (RFC 9110 §15.5.17).
     */
    @ExceptionHandler(RecorderException.class)
    ResponseEntity<ProblemDetail> recorder(RecorderException e, HttpServletRequest request) {
        HttpStatus status = switch (e.code()) {
            case ProblemCodes.MALFORMED_RANGE, ProblemCodes.RANGE_NOT_SATISFIABLE -> HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
            case ProblemCodes.NO_SUCH_RECORDING, ProblemCodes.NO_SUCH_HOLD -> HttpStatus.NOT_FOUND;
            case ProblemCodes.INVALID_REQUEST, ProblemCodes.UNKNOWN_RETENTION_CLASS -> HttpStatus.BAD_REQUEST;
            case ProblemCodes.HOLD_NOT_ACTIVE -> HttpStatus.CONFLICT;
            case ProblemCodes.ARCHIVE_FULL, ProblemCodes.RECORDING_SOURCE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        if (status.is5xxServerError()) {
            log.error("{} {} -> {} {}", request.getMethod(), uri(request), status.value(), e.code(), e);
        } else {
            log.info("{} {} -> {} {}: {}", request.getMethod(), uri(request), status.value(), e.code(),
                    PersonalData.text(e.getMessage()));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (e instanceof MalformedRangeException m) {
            answer.header(HttpHeaders.CONTENT_RANGE, "bytes */" + m.size());
        } else if (e instanceof RangeNotSatisfiableException r) {
            answer.header(HttpHeaders.CONTENT_RANGE, "bytes */" + r.size());
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.detail(status, e.code(), e.getMessage(), request));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        // A body cut off at its size limit (security.RequestSizeFilter) is a 413, not bad JSON.
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof ProblemException p) {
                return problem(p, request);
            }
        }
        // Jackson's own words name Java types and fields: they go to the log, the user gets where it went wrong.
        log.info("{} {} -> 400 invalid-request: unreadable body: {}", request.getMethod(), uri(request),
                e.getMostSpecificCause().toString());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof tools.jackson.core.JacksonException j) {
                InvalidRequestException answer = InvalidRequestException.body("request body", j);
                return ResponseEntity.badRequest().body(Problems.keyed(HttpStatus.BAD_REQUEST, answer.code(),
                        answer.key(), answer.args(), answer.getMessage(), request));
            }
        }
        return ResponseEntity.badRequest().body(Problems.keyed(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_REQUEST,
                "problem.invalid-request.json", java.util.List.of(),
                "the request body is not valid JSON of the expected shape", request));
    }

    /** A query or path parameter of the wrong type ({@code ?limit=abc}): Spring's words stay in the log. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e,
                                               HttpServletRequest request) {
        log.info("{} {} -> 400 invalid-parameter {}: {}", request.getMethod(), uri(request), e.getName(),
                e.getMessage());
        return ResponseEntity.badRequest().body(Problems.detail(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_PARAMETER,
                java.util.List.of(e.getName()), "parameter '" + e.getName() + "' has the wrong form", request));
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(org.springframework.web.bind.MissingServletRequestParameterException e,
                                                   HttpServletRequest request) {
        log.info("{} {} -> 400 missing-parameter {}", request.getMethod(), uri(request), e.getParameterName());
        return ResponseEntity.badRequest().body(Problems.detail(HttpStatus.BAD_REQUEST, ProblemCodes.MISSING_PARAMETER,
                java.util.List.of(e.getParameterName()), "parameter '" + e.getParameterName() + "' is required",
                request));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.REQUEST_TOO_LARGE,
                "the upload is larger than this endpoint takes (spring.servlet.multipart limits)") {
        }, request);
    }

    /** Field errors ({@link FieldProblem}) with their message in the request's language; anything else as it is. */
    private static Object localized(Object value, java.util.Locale locale) {
        if (!(value instanceof java.util.List<?> list) || list.isEmpty() || !(list.get(0) instanceof FieldProblem)) {
            return value;
        }
        return ProblemTexts.fields(list.stream().map(o -> (FieldProblem) o).toList(), locale);
    }

    /** Request URIs in log lines: caller numbers in paths and queries masked (security.PersonalData). */
    private static String uri(HttpServletRequest request) {
        return kz.line102.callcenter.app.PersonalData.uri(request.getRequestURI());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(new UnsupportedMediaTypeException("content type " + e.getContentType()
                + " is not accepted here; use one of " + e.getSupportedMediaTypes(),
                java.util.List.of(String.valueOf(e.getContentType()), e.getSupportedMediaTypes().toString())), request);
    }
}
