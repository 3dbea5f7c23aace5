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
        ProblemDetail detail = Problems.detail(e.status(), e.code(), e.getMessage(), request);
        e.properties().forEach(detail::setProperty);
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
            case "malformed-range", "range-not-satisfiable" -> HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
            case "no-such-recording", "no-such-hold" -> HttpStatus.NOT_FOUND;
            case "invalid-request", "unknown-retention-class" -> HttpStatus.BAD_REQUEST;
            case "hold-not-active" -> HttpStatus.CONFLICT;
            case "archive-full", "recording-source-unavailable" -> HttpStatus.SERVICE_UNAVAILABLE;
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
        return problem(new InvalidRequestException("the request body is not valid JSON of the expected shape"), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                "the upload is larger than this endpoint takes (spring.servlet.multipart limits)") {
        }, request);
    }

    /** Request URIs in log lines: caller numbers in paths and queries masked (security.PersonalData). */
    private static String uri(HttpServletRequest request) {
        return kz.line102.callcenter.app.PersonalData.uri(request.getRequestURI());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(new UnsupportedMediaTypeException("content type " + e.getContentType()
                + " is not accepted here; use one of " + e.getSupportedMediaTypes()), request);
    }
}
