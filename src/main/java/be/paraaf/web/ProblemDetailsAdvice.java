package be.paraaf.web;

import be.paraaf.ParaafException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem document. paraaf's own exceptions map to their
 * declared type and status; Spring MVC's (missing part, wrong method, too large upload) keep their
 * status with a paraaf type; anything else is a 500 that reveals nothing and is logged in full.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "https://paraaf.be/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ParaafException.class)
    ResponseEntity<ProblemDetail> paraaf(ParaafException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        problem.setType(URI.create(TYPE_PREFIX + e.problemType()));
        problem.setTitle(titleOf(e.problemType()));
        e.properties().forEach(problem::setProperty);
        if (e.status() >= 500) {
            log.error("request failed: {}", e.getMessage(), e);
        } else {
            log.debug("request refused: {} {}", e.problemType(), e.getMessage());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service could not complete the request. The failure has been logged.");
        problem.setType(URI.create(TYPE_PREFIX + "internal-error"));
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The upload is larger than this service accepts (" + describe(e.getMaxUploadSize()) + ").");
        problem.setType(URI.create(TYPE_PREFIX + "upload-too-large"));
        problem.setTitle("Upload too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPE_PREFIX + "bad-request"));
            if (status.value() == 404) {
                problem.setType(URI.create(TYPE_PREFIX + "not-found"));
            } else if (status.value() == 405) {
                problem.setType(URI.create(TYPE_PREFIX + "method-not-allowed"));
            } else if (status.value() == 415) {
                problem.setType(URI.create(TYPE_PREFIX + "unsupported-media-type"));
            } else if (status.value() == 406) {
                problem.setType(URI.create(TYPE_PREFIX + "not-acceptable"));
            }
        }
        return response;
    }

    private static String describe(long bytes) {
        return bytes < 0 ? "configured limit" : (bytes / (1024 * 1024)) + " MB";
    }

    static String titleOf(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
