package be.paraaf.request;

import be.paraaf.persistence.JobLocks;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands failed event publications (a listener threw, or Modulith's staleness check found one stuck in
 * processing or published because its node died: {@code spring.modulith.events.staleness.*}) to their listener
 * again, every {@code paraaf.hand-offs.resubmission-interval} on one node (lock {@code hand-off-resubmission}),
 * up to {@code max-attempts} each. Listeners are
 * idempotent ({@link RequestArchiving}), so a publication resubmitted while it still runs elsewhere does no harm.
 * At start, {@code spring.modulith.events.republish-outstanding-events-on-restart} resubmits everything
 * incomplete at once. Webhook deliveries ({@link WebhookDue}) are left to {@link WebhookDispatcher}, which
 * resubmits them on their own retry schedule.
 */
@Component
class HandOffResubmission {

    private static final Logger log = LoggerFactory.getLogger(HandOffResubmission.class);

    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

    private final FailedEventPublications failed;
    private final HandOffProperties properties;
    private final JobLocks locks;

    HandOffResubmission(FailedEventPublications failed, HandOffProperties properties, JobLocks locks) {
        this.failed = failed;
        this.properties = properties;
        this.locks = locks;
    }

    @Scheduled(fixedDelayString = "${paraaf.hand-offs.resubmission-interval:1m}",
            initialDelayString = "${paraaf.hand-offs.resubmission-interval:1m}")
    void run() {
        try {
            locks.run("hand-off-resubmission", LOCK_AT_MOST, () -> failed.resubmit(ResubmissionOptions.defaults()
                    .withMinAge(properties.minAge()).withBatchSize(properties.batchSize())
                    .withFilter(publication -> !(publication.getEvent() instanceof WebhookDue)
                            && publication.getCompletionAttempts() < properties.maxAttempts())));
        } catch (RuntimeException e) {
            log.warn("resubmitting failed hand-offs failed; retried on the next run", e);
        }
    }
}
