package be.paraaf.request;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled request jobs (expiry, reminders) and webhook delivery. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RequestConfiguration {
}
