package be.paraaf.request;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the scheduled request jobs (expiry, reminders), webhook delivery and the asynchronous archive
 * hand-off ({@link RequestArchiving}, on Boot's application task executor: {@code spring.task.execution.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class RequestConfiguration {
}
