package kz.line102.callcenter.app;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place failures become HTTP answers. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        log.info("{} {} -> {} {}: {}", request.getMethod(), request.getRequestURI(), e.status().value(), e.code(),
                e.getMessage());
        ProblemDetail detail = Problems.detail(e.status(), e.code(), e.getMessage(), request);
        e.properties().forEach(detail::setProperty);
        return ResponseEntity.status(e.status()).body(detail);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(new InvalidRequestException("the request body is not valid JSON of the expected shape"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(new UnsupportedMediaTypeException("content type " + e.getContentType()
                + " is not accepted here; use one of " + e.getSupportedMediaTypes()), request);
    }
}
