package be.paraaf.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param demoClients seed the demo clients (dev profile only) and accept their published keys; off elsewhere,
 *        which also refuses demo rows left in a shared database
 * @param clients the API clients of this deployment, each with the SHA-256 of its key (never the key itself:
 *        {@code paraaf api-key generate} makes a key and prints both); created or updated at start
 */
@Validated
@ConfigurationProperties("paraaf.access")
public record AccessProperties(@DefaultValue("false") boolean demoClients, @Valid @DefaultValue List<Client> clients) {

    /**
     * @param id stable identifier, 2-64 lowercase letters, digits or '-'
     * @param name display name
     * @param keySha256 hex SHA-256 of the client's API key
     */
    public record Client(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}") String id, @NotBlank String name,
            @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be the 64 hex digits of a SHA-256")
            String keySha256) {
    }
}
