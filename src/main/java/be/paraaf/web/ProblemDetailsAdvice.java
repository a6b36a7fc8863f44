package be.paraaf.web;

import be.paraaf.system.ParaafException;
import be.paraaf.system.ProblemType;
import java.net.URI;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into an RFC 9457 problem document. paraaf's own exceptions map to their
 * declared type and status; Spring MVC's (missing part, wrong method, too large upload) keep their
 * status with a paraaf type; input the container could not decode (multipart, %-escapes) and input nested too deeply
 * for any parser are 4xx in words; anything else is a 500 that reveals nothing and is logged in full. Titles come
 * from the {@link ProblemType} catalogue; a detail that would show internal text (a class name, an exception) is
 * replaced by words and logged.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "https://paraaf.be/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** What a library's message looks like: package-qualified names, exception names, stack frames. */
    static final Pattern INTERNAL_TEXT = Pattern.compile("\\b(java|javax|jakarta|org\\.springframework|org\\.apache"
            + "|eu\\.europa|tools\\.jackson|com\\.fasterxml|org\\.bouncycastle|sun)\\.[a-z]|Exception\\b"
            + "|\\bat be\\.paraaf|\\.java:\\d+|Cannot invoke \"|because \"");

    @ExceptionHandler(ParaafException.class)
    ResponseEntity<ProblemDetail> paraaf(ParaafException e) {
        String detail = e.getMessage();
        if (detail == null || detail.isBlank() || INTERNAL_TEXT.matcher(detail).find()) {
            log.warn("problem detail of {} replaced, it showed internal text: {}", e.problemType(), detail);
            detail = "The request was refused: " + ProblemType.titleOf(e.problemType()).toLowerCase() + ".";
        }
        ProblemDetail problem = problem(e.status(), e.problemType(), detail);
        e.properties().forEach(problem::setProperty);
        if (e.status() >= 500) {
            log.error("request failed: {}", e.getMessage(), e);
        } else {
            log.debug("request refused: {} {}", e.problemType(), e.getMessage());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    /** A body that is not multipart/form-data as announced: no or a wrong boundary, cut short, a bad part header. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return tooLarge(tooLarge.getMaxUploadSize());
        }
        log.debug("multipart refused", e);
        return ResponseEntity.badRequest().body(problem(400, ProblemType.INVALID_MULTIPART.slug(),
                "The body is not valid multipart/form-data: Content-Type must name the boundary, every part needs a "
                        + "Content-Disposition header with a name, and the body must end with the closing boundary."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException) {
                log.debug("query refused", e);
                return ResponseEntity.badRequest().body(problem(400, ProblemType.INVALID_QUERY.slug(),
                        "The query string is not valid: a %-escape is incomplete, not hexadecimal or does not decode "
                                + "as UTF-8."));
            }
            if (cause instanceof OutOfMemoryError) {
                // the document did not fit in the memory left to this request: the service stays up, the client may
                // retry later or with a smaller file
                log.error("out of memory while serving a request", e);
                return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "60").body(problem(503,
                        ProblemType.INSUFFICIENT_MEMORY.slug(), "The service has not enough memory free for this "
                                + "document right now. Try again later, or with a smaller file."));
            }
            if (cause instanceof StackOverflowError) {
                log.warn("input nested too deeply", e);
                return ResponseEntity.unprocessableContent().body(problem(422, ProblemType.INPUT_TOO_COMPLEX.slug(),
                        "The input nests its structures too deeply to be processed safely."));
            }
        }
        log.error("unexpected failure", e);
        return ResponseEntity.internalServerError().body(problem(500, ProblemType.INTERNAL_ERROR.slug(),
                "The service could not complete the request. The failure has been logged."));
    }

    /** A JSON body Spring could not bind: the member and the expected form, in words. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        log.debug("body refused", e);
        String detail = e.getCause() instanceof JacksonException jackson ? JsonBodies.describe(jackson)
                : "The request body is missing or cannot be read as JSON.";
        return ResponseEntity.badRequest().body(problem(400, ProblemType.BAD_REQUEST.slug(), detail));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(e.getMaxUploadSize()).getBody());
    }

    private static ResponseEntity<ProblemDetail> tooLarge(long maxUploadSize) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(413,
                ProblemType.UPLOAD_TOO_LARGE.slug(), "The upload is larger than this service accepts ("
                        + describe(maxUploadSize) + ")."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create(TYPE_PREFIX + ProblemType.forStatus(status.value()).slug()));
            }
            String slug = problem.getType().toString().substring(problem.getType().toString().lastIndexOf('/') + 1);
            problem.setTitle(ProblemType.titleOf(slug));
            if (problem.getDetail() == null || INTERNAL_TEXT.matcher(problem.getDetail()).find()) {
                log.debug("Spring's detail replaced: {}", problem.getDetail());
                problem.setDetail("The request was refused: " + problem.getTitle().toLowerCase() + ".");
            }
        }
        return response;
    }

    static ProblemDetail problem(int status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(ProblemType.titleOf(slug));
        return problem;
    }

    private static String describe(long bytes) {
        return bytes < 0 ? "configured limit" : (bytes / (1024 * 1024)) + " MB";
    }
}
