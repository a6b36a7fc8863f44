package be.paraaf.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * The deployment's API clients come from configuration ({@code paraaf.access.clients}): created, or renamed and
 * given a new key hash (key rotation), at start. Rows not configured stay as they are.
 */
@Component
@DependsOnDatabaseInitialization
class ConfiguredClientLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredClientLoader.class);

    private final AccessProperties access;
    private final ApiClientRepository clients;

    ConfiguredClientLoader(AccessProperties access, ApiClientRepository clients) {
        this.access = access;
        this.clients = clients;
    }

    @Override
    public void afterPropertiesSet() {
        for (AccessProperties.Client client : access.clients()) {
            clients.upsert(new ApiClient(client.id(), client.name(), false), client.keySha256());
            log.info("API client {} configured", client.id());
        }
    }
}
