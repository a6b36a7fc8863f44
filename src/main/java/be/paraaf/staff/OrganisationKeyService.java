package be.paraaf.staff;

import be.paraaf.access.AccessProperties;
import be.paraaf.access.ApiClientRepository;
import be.paraaf.access.ApiKeys;
import be.paraaf.system.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An admin gives the organisation's machine integration a new API key: the old one stops working at once, the new
 * one is shown once and only its SHA-256 is kept. A key the operator configures ({@code paraaf.access.clients}) stays
 * the operator's to rotate — configuration would put the old hash back at the next start — and the demo's keys are
 * published and fixed.
 */
@Service
public class OrganisationKeyService {

    private static final Logger log = LoggerFactory.getLogger(OrganisationKeyService.class);

    private final ApiClientRepository clients;
    private final AccessProperties access;

    OrganisationKeyService(ApiClientRepository clients, AccessProperties access) {
        this.clients = clients;
        this.access = access;
    }

    public String rotate(StaffMember by) {
        if (!by.admin()) {
            throw new StaffException(ProblemType.FORBIDDEN,
                    "Only an admin of the organisation may change its API key.");
        }
        boolean configured = access.clients().stream().anyMatch(c -> c.id().equals(by.organisation().id()));
        if (configured || by.organisation().demo()) {
            throw new StaffException(ProblemType.API_KEY_CONFIGURED, configured
                    ? "This organisation's API key is set in the service's configuration; ask the operator to rotate "
                    + "it (paraaf api-key generate, then paraaf.access.clients)."
                    : "A demo organisation's API key is published and cannot be changed.");
        }
        String key = ApiKeys.generate();
        clients.upsert(by.organisation(), ApiKeys.hash(key));
        log.info("API key of {} rotated by {}", by.organisation().id(), by.actor().value());
        return key;
    }
}
