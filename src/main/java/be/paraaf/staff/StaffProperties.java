package be.paraaf.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Agency staff sessions and the operator's first admins.
 *
 * @param idleTimeout a session unused this long ends (30 minutes)
 * @param maxLifetime a session ends this long after login however busy (8 hours: a working day)
 * @param secureCookie send the session cookie only over HTTPS ({@code Secure}); true unless the demo's plain-HTTP
 *        laptop mode turns it off
 * @param admins the first admin of each organisation, made by the operator (created at start if missing; an admin
 *        then adds the other members from the dashboard). Never self-service.
 */
@Validated
@ConfigurationProperties("paraaf.staff")
public record StaffProperties(@DefaultValue("30m") Duration idleTimeout, @DefaultValue("8h") Duration maxLifetime,
        @DefaultValue("true") boolean secureCookie, @Valid @DefaultValue List<Admin> admins) {

    /**
     * @param organisation the API client id of the organisation (it must exist: {@code paraaf.access.clients})
     * @param nationalRegisterNumber the admin's national register number (11 digits, dots and dashes allowed)
     */
    public record Admin(@NotBlank String organisation, @NotBlank String nationalRegisterNumber) {
    }
}
