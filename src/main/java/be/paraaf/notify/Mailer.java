package be.paraaf.notify;

import be.paraaf.system.MissingSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends {@link Mail} through SMTP (RFC 5321) with Spring's {@link JavaMailSender}, configured by {@code spring.mail.*}.
 * Without {@code spring.mail.host} Boot makes no sender: mail is off, reported at start as a missing setting, and
 * {@link #send} sends nothing and says so.
 */
@Component
public class Mailer implements MissingSettings {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final NotifyProperties properties;

    Mailer(ObjectProvider<JavaMailSender> sender, NotifyProperties properties) {
        this.sender = sender.getIfAvailable();
        this.properties = properties;
    }

    public boolean enabled() {
        return sender != null;
    }

    /**
     * Sends {@code mail}; false when mail is off.
     *
     * @throws NotificationException when the SMTP server refuses it or cannot be reached (the caller retries)
     */
    public boolean send(Mail mail) {
        if (sender == null) {
            log.info("mail is off (spring.mail.host is not set): not sending \"{}\"", mail.subject());
            return false;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            for (Mail.Attachment attachment : mail.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            sender.send(message);
            return true;
        } catch (MessagingException | MailException e) {
            throw new NotificationException("The mail \"" + mail.subject() + "\" could not be sent: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String capability() {
        return "e-mail (invitations, reminders, notices to the agency, completion mails)";
    }

    @Override
    public List<String> missing() {
        return sender == null ? List.of("spring.mail.host") : List.of();
    }

    @Override
    public boolean required() {
        return false;
    }
}
