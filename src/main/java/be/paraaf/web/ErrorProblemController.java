package be.paraaf.web;

import be.paraaf.system.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}): requests that fail before a controller runs (a chunked body that
 * is not chunked, a filter that gives up) get a problem document instead of Spring Boot's default error JSON.
 * Replaces Boot's BasicErrorController; says nothing of the failure but its status.
 */
@RestController
class ErrorProblemController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        ProblemType type = ProblemType.forStatus(status);
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "error " + status : known.getReasonPhrase().toLowerCase();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetailsAdvice.problem(status, type.slug(), status >= 500
                        ? "The service could not complete the request. The failure has been logged."
                        : "The request was refused before it reached paraaf: " + reason + "."));
    }
}
