package be.paraaf.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Profile;

/**
 * The one gate of the demo: a bean so marked exists only with profile {@code dev}, the embedded default
 * ({@code spring.profiles.default: dev}). Starting with any other profile set — {@code prod}, {@code postgres}
 * alone — leaves out every demo bean: no demo PKI and no trust in its root, no demo API clients or citizens, no
 * {@code /api/dev/**}. Finer switches ({@code paraaf.pki.enabled}, {@code paraaf.demo.*}) only narrow it further.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Profile("dev")
public @interface DemoOnly {
}
