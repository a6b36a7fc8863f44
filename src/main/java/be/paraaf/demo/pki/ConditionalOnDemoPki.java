package be.paraaf.demo.pki;

import be.paraaf.demo.DemoOnly;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/** The demo PKI: only behind the demo gate ({@link DemoOnly}, profile dev), and unless {@code paraaf.pki.enabled=false}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@DemoOnly
@ConditionalOnBooleanProperty(name = "paraaf.pki.enabled", matchIfMissing = true)
@interface ConditionalOnDemoPki {
}
