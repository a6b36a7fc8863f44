package be.paraaf.demo;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Profiles {@code dev} and {@code prod} together would run the demo in production: refused at start. */
@Configuration(proxyBeanMethods = false)
@Profile("dev & prod")
class DemoGuard {

    DemoGuard() {
        throw new IllegalStateException("Profiles 'dev' and 'prod' are both active: 'dev' runs the embedded demo "
                + "(demo PKI, demo keys, demo citizens). Start production with --spring.profiles.active=prod only.");
    }
}
