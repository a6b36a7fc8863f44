package be.paraaf.web;

import be.paraaf.access.AccessProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** What a {@link WebSliceTest} adds to Boot's MVC slice: the security chain and the settings it reads. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({AccessProperties.class, RateLimitProperties.class})
@Import({SecurityConfiguration.class, RateLimiter.class, UploadedFileReader.class})
class WebSliceConfiguration {
}
