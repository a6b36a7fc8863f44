package be.paraaf.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/** A {@link RateLimitedException} answers exactly as {@link RateLimitFilter} does: 429, Retry-After, problem. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitAdvice {

    private final JsonMapper json;

    RateLimitAdvice(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(RateLimitedException.class)
    void rateLimited(RateLimitedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        RateLimitFilter.refuse(request, response, json, e.retryAfterSeconds(), e.who());
    }
}
