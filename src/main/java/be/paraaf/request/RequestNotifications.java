package be.paraaf.request;

import be.paraaf.audit.Actor;
import be.paraaf.audit.AuditTrail;
import be.paraaf.notify.Mail;
import be.paraaf.notify.MailComposer;
import be.paraaf.notify.MailComposer.Kind;
import be.paraaf.notify.Mailer;
import be.paraaf.notify.SmsSender;
import be.paraaf.prepare.DocumentService;
import be.paraaf.prepare.DocumentService.DocumentContent;
import be.paraaf.prepare.Language;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mails what a {@link RequestNotice} announces, after the commit of the change: the invitation and reminders with
 * a personal link to the signer, the decline, expiry or completion notice to the agency's {@code notificationEmail}
 * in the request's {@code notificationLanguage}, the signed PDF (and completion certificate) to every signer when
 * the request completes — each in the signer's language. The hand-off is durable like {@link RequestArchiving}'s (Spring Modulith's JDBC event publication
 * registry; an incomplete publication is resubmitted by {@link HandOffResubmission} and at restart), and the
 * consumer is idempotent: a {@code notification_deliveries} row per mail, marked sent once the SMTP server took
 * it, so a resubmission sends only what was not sent. A crash between the server's answer and the mark sends that
 * one mail twice; none is lost. With mail off (no {@code spring.mail.host}) nothing is sent and the publication
 * completes.
 */
@Component
class RequestNotifications {

    private static final Logger log = LoggerFactory.getLogger(RequestNotifications.class);
    private static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");
    /** Agency notices without a language of their own are in Dutch, the reference language. */
    private static final String AGENCY_LANGUAGE = "nl";

    private final RequestRepository requests;
    private final DocumentService documents;
    private final AuditTrail audit;
    private final Mailer mailer;
    private final JdbcClient jdbc;
    private final RequestService workflow;
    private final SignerLinks signerLinks;
    private final CompletionCertificateService certificates;
    private final SmsSender sms;
    private final Clock clock;

    RequestNotifications(RequestRepository requests, DocumentService documents, AuditTrail audit, Mailer mailer,
            JdbcClient jdbc, RequestService workflow, SignerLinks signerLinks,
            CompletionCertificateService certificates, SmsSender sms, Clock clock) {
        this.sms = sms;
        this.certificates = certificates;
        this.requests = requests;
        this.documents = documents;
        this.audit = audit;
        this.mailer = mailer;
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.signerLinks = signerLinks;
        this.clock = clock;
    }

    /** Throws when a mail could not be handed to the SMTP server, so the publication is resubmitted. */
    @Async
    @TransactionalEventListener
    void on(RequestNotice notice) {
        deliver(notice);
    }

    /** Sends the notice's mails not sent before; how many it sent now. */
    int deliver(RequestNotice notice) {
        if (!mailer.enabled()) {
            log.debug("mail is off: {} of request {} not mailed", notice.kind(), notice.requestId());
            return 0;
        }
        SigningRequest request = requests.find(notice.requestId()).orElseThrow();
        String sender = jdbc.sql("select name from api_clients where id = ?").param(request.ownerClientId())
                .query(String.class).optional().orElse(request.ownerClientId());
        int sent = 0;
        String agencyLanguage = request.notificationLanguage() == null ? AGENCY_LANGUAGE : request.notificationLanguage();
        switch (notice.kind()) {
            case INVITATION, REMINDER -> {
                Signer signer = request.signer(notice.position()).orElseThrow();
                if (signer.email() != null && request.isTurnOf(signer)) {
                    List<String> args = List.of(request.title(), sender, date(request.expiresAt(), signer.language()),
                            String.valueOf(notice.sequence()));
                    sent += once(key(notice, signer.position()), request, notice.kind(), () -> MailComposer.compose(
                            notice.kind(), signer.language(), signer.email(), signer.name(), args,
                            link(request, signer), List.of()));
                }
                if (signer.phone() != null && sms.available() && request.isTurnOf(signer)) {
                    // the SMS port: no provider is configured in this version (LoggingSmsSender)
                    sms.send(signer.phone(), request.title() + ": " + link(request, signer));
                }
            }
            case DECLINED -> {
                Signer signer = request.signer(notice.position()).orElseThrow();
                if (request.notificationEmail() != null) {
                    String reason = signer.declineReason() == null ? "—" : signer.declineReason();
                    sent += once(key(notice, 0), request, notice.kind(), () -> MailComposer.compose(Kind.DECLINED,
                            agencyLanguage, request.notificationEmail(), sender,
                            List.of(request.title(), signer.name(), signer.role(), reason), null, List.of()));
                }
            }
            case EXPIRED -> {
                if (request.notificationEmail() != null) {
                    String waiting = String.join(", ", request.signers().stream()
                            .filter(s -> s.state() != SignerState.SIGNED).map(Signer::name).toList());
                    sent += once(key(notice, 0), request, notice.kind(), () -> MailComposer.compose(Kind.EXPIRED,
                            agencyLanguage, request.notificationEmail(), sender,
                            List.of(request.title(), date(request.expiresAt(), agencyLanguage), waiting), null,
                            List.of()));
                }
            }
            case COMPLETED -> {
                for (Signer signer : request.signers()) {
                    if (signer.email() != null) {
                        sent += once(key(notice, signer.position()), request, notice.kind(), () -> MailComposer.compose(
                                Kind.COMPLETED, signer.language(), signer.email(), signer.name(),
                                List.of(request.title()), null, completionAttachments(request, signer.language())));
                    }
                }
                if (request.notificationEmail() != null) {
                    String signed = String.join(", ", request.signers().stream().map(Signer::name).toList());
                    sent += once(key(notice, 0), request, Kind.AGENCY_COMPLETED, () -> MailComposer.compose(
                            Kind.AGENCY_COMPLETED, agencyLanguage, request.notificationEmail(), sender,
                            List.of(request.title(), signed), null, completionAttachments(request, agencyLanguage)));
                }
            }
        }
        return sent;
    }

    /** The signed PDF and the sealed completion certificate in the signer's language. */
    private List<Mail.Attachment> completionAttachments(SigningRequest request, String language) {
        DocumentContent signed = documents.content(request.ownerClientId(), request.documentId());
        DocumentContent certificate = certificates.certificate(request, Language.of(language));
        List<Mail.Attachment> attachments = new ArrayList<>();
        attachments.add(new Mail.Attachment(signed.name(), "application/pdf", signed.bytes()));
        attachments.add(new Mail.Attachment(certificate.name(), "application/pdf", certificate.bytes()));
        return attachments;
    }

    /** Sends the mail unless its delivery key was sent before; 1 if sent now. */
    private int once(String key, SigningRequest request, Kind kind, Supplier<Mail> mail) {
        Optional<Boolean> sentBefore = sentState(key);
        if (sentBefore.isEmpty()) {
            try {
                jdbc.sql("insert into notification_deliveries (delivery_key, request_id, kind, created_at) "
                        + "values (?, ?, ?, ?)").params(key, request.id(), kind.name(),
                        RequestRepository.utc(clock.instant())).update();
            } catch (DuplicateKeyException raced) {
                sentBefore = sentState(key);
            }
        }
        if (sentBefore.orElse(false)) {
            return 0;
        }
        Mail built = mail.get();
        if (!mailer.send(built)) {
            return 0;
        }
        jdbc.sql("update notification_deliveries set sent_at = ? where delivery_key = ?")
                .params(RequestRepository.utc(clock.instant()), key).update();
        workflow.inTransaction(() -> audit.append(request.id(), "notification.mailed", Actor.SYSTEM, null,
                Map.of("kind", kind.name().toLowerCase(Locale.ROOT), "to", masked(built.to()))));
        return 1;
    }

    private Optional<Boolean> sentState(String key) {
        return jdbc.sql("select sent_at from notification_deliveries where delivery_key = ?").param(key)
                .query((rs, row) -> rs.getObject("sent_at") != null).optional();
    }

    /**
     * A personal link for the mail: a new token for this signer (stored by its hash, valid until the request
     * expires), so no token is ever kept readable for sending later.
     */
    private String link(SigningRequest request, Signer signer) {
        String token = LinkTokens.newToken();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        workflow.inTransaction(() -> {
            requests.insertCitizenLink(LinkTokens.hash(token),
                    new RequestRepository.SignerRef(request.id(), signer.position()), now, request.expiresAt());
            return null;
        });
        return signerLinks.absolutePage(token);
    }

    private static String key(RequestNotice notice, int recipient) {
        return notice.requestId() + ":" + notice.kind().name().toLowerCase(Locale.ROOT) + ":" + notice.position()
                + ":" + notice.sequence() + ":" + recipient;
    }

    private static String date(Instant instant, String language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(language + "-BE")).withZone(BELGIUM).format(instant);
    }

    /** "j***@example.be": enough for the agency to tell recipients apart in the trail. */
    private static String masked(String address) {
        int at = address.indexOf('@');
        return at <= 1 ? "***" + address.substring(Math.max(at, 0)) : address.charAt(0) + "***" + address.substring(at);
    }
}
