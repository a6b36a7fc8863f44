package be.paraaf.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoClients seed the demo clients (dev profile only) and accept their published keys;
 *        application-prod.yml sets it false, which also refuses demo rows left in a shared database
 */
@ConfigurationProperties("paraaf.access")
public record AccessProperties(@DefaultValue("false") boolean demoClients) {
}
