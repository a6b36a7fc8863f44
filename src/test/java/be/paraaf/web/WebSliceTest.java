package be.paraaf.web;

import be.paraaf.access.ApiClientRepository;
import be.paraaf.staff.StaffSessionService;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice: the named controllers with the real MVC setup, problem mapping ({@link ProblemDetailsAdvice}),
 * security chain, API-key filter and rate limits, and nothing behind them (the capabilities are mocks the test
 * declares). The API client repository and the staff sessions are mocks too (no test here sends a staff cookie): {@link SliceApiClient} gives it one client.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@Import(WebSliceConfiguration.class)
@MockitoBean(types = {ApiClientRepository.class, StaffSessionService.class})
@interface WebSliceTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
