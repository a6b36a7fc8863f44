package be.paraaf.notify;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notifications. The SMTP server itself is Spring Boot's {@code spring.mail.*} (host, port, username, password,
 * {@code properties.mail.smtp.starttls.enable}); without {@code spring.mail.host} no mail is sent.
 *
 * @param from the sender of every mail, e.g. {@code "Woonpunt via paraaf <no-reply@paraaf.example.be>"}
 */
@Validated
@ConfigurationProperties("paraaf.notify")
public record NotifyProperties(@NotBlank @DefaultValue("paraaf <no-reply@paraaf.invalid>") String from) {
}
