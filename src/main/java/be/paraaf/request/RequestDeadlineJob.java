package be.paraaf.request;

import be.paraaf.notify.MailComposer.Kind;
import be.paraaf.audit.Actor;
import be.paraaf.audit.AuditTrail;
import be.paraaf.persistence.JobLocks;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code paraaf.requests.job-interval}: requests past their expiry become EXPIRED, and signers whose turn
 * it is and who have not acted for {@code reminder-delay} get a reminder (recorded, audited and announced as the
 * webhook {@code signer.reminded} and mailed to the signer by {@link RequestNotifications}). Runs on one node at a time (lock
 * {@code request-jobs}), and would be safe without: each change is conditional on the state that was read.
 */
@Component
class RequestDeadlineJob {

    private static final Logger log = LoggerFactory.getLogger(RequestDeadlineJob.class);

    private final RequestRepository requests;
    private final JobLocks locks;
    private final RequestService workflow;
    private final WebhookService webhooks;
    private final AuditTrail audit;
    private final RequestProperties properties;
    private final Clock clock;

    RequestDeadlineJob(RequestRepository requests, RequestService workflow, WebhookService webhooks, AuditTrail audit,
            RequestProperties properties, Clock clock, JobLocks locks) {
        this.requests = requests;
        this.locks = locks;
        this.workflow = workflow;
        this.webhooks = webhooks;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${paraaf.requests.job-interval:1m}",
            initialDelayString = "${paraaf.requests.job-interval:1m}")
    void run() {
        try {
            // once across nodes; each change is conditional anyway, so an expired lock does no harm
            locks.run("request-jobs", properties.jobInterval().multipliedBy(10), () -> {
                Instant now = clock.instant();
                expireDue(now);
                remindDue(now);
                requests.purgeCitizenLinks(now);
            });
        } catch (RuntimeException e) {
            log.warn("request job failed; retried on the next run", e);
        }
    }

    /** Expires every active request whose expiry is at or before {@code now}; how many. */
    int expireDue(Instant now) {
        int expired = 0;
        for (String id : requests.dueForExpiry(now)) {
            try {
                SigningRequest request = requests.find(id).orElseThrow();
                workflow.inTransaction(() -> {
                    workflow.transition(request, RequestState.EXPIRED, request.currentStep(), Actor.SYSTEM,
                            "request.expired", null, Map.of("expiresAt", request.expiresAt().toString()));
                    workflow.notice(id, Kind.EXPIRED, 0, 0);
                    return null;
                });
                expired++;
            } catch (RequestException e) {
                log.debug("request {} changed while expiring it: {}", id, e.getMessage());
            }
        }
        return expired;
    }

    /** Records a reminder for every signer due one at {@code now}; how many. */
    int remindDue(Instant now) {
        int reminded = 0;
        for (Signer signer : requests.dueForReminder(now.minus(properties.reminderDelay()),
                properties.maxReminders())) {
            boolean done = workflow.inTransaction(() -> {
                if (!requests.remind(signer, now)) {
                    return false;
                }
                SigningRequest request = requests.find(signer.requestId()).orElseThrow();
                Signer updated = request.signer(signer.position()).orElseThrow();
                audit.append(request.id(), "signer.reminded", Actor.SYSTEM, null, Map.of("role", signer.role(),
                        "reminder", String.valueOf(updated.reminderCount())));
                webhooks.enqueue(request, "signer.reminded", updated);
                workflow.notice(request.id(), Kind.REMINDER, updated.position(), updated.reminderCount());
                return true;
            });
            reminded += done ? 1 : 0;
        }
        return reminded;
    }
}
