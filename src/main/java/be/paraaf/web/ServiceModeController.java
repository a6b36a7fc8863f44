package be.paraaf.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the pages need to know about the mode the service runs in, in one place: {@code GET /api/config} says
 * whether this is the embedded demo (profile {@code dev}, the demo gate of {@code be.paraaf.demo.DemoOnly}), so no
 * page probes {@code /api/dev/**} and relies on a 404. The itsme phone simulator page exists only in the demo.
 */
@RestController
class ServiceModeController {

    /** @param demo true only in the embedded default mode: demo data and the /api/dev/** shortcuts exist */
    record ServiceMode(boolean demo) {
    }

    private static final Set<String> DEMO_PAGES = Set.of("/itsme-app.html", "/itsme-app.js");

    private final boolean demo;

    ServiceModeController(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("dev"));
    }

    @GetMapping("/api/config")
    ServiceMode config() {
        return new ServiceMode(demo);
    }

    /** Outside the demo the simulator's page and script answer 404 like any unknown resource. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> demoPagesOnlyInTheDemo() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        if (!demo && DEMO_PAGES.contains(request.getRequestURI())) {
                            response.sendError(HttpServletResponse.SC_NOT_FOUND);
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/itsme-app.html", "/itsme-app.js");
        return registration;
    }
}
