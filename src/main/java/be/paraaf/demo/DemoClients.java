package be.paraaf.demo;

import be.paraaf.access.ApiClient;
import be.paraaf.access.ApiClientRepository;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Demo API clients with published keys, for trying paraaf out and for tests. Seeded only in the embedded
 * default mode (the {@code dev} profile, never together with {@code prod}) and only when
 * {@code paraaf.access.demo-clients=true}. The keys are public: never use them for real documents.
 */
@Component
@DemoOnly
@ConditionalOnBooleanProperty("paraaf.access.demo-clients")
@DependsOnDatabaseInitialization
public class DemoClients implements InitializingBean {

    /** A housing agency. */
    public static final ApiClient WOONPUNT = new ApiClient("woonpunt-demo", "Woonpunt Demo", true);
    public static final String WOONPUNT_KEY = "pk_demo_woonpunt_0000000000000000000000000000";

    /** A second client, to show that clients cannot see each other's documents. */
    public static final ApiClient NOTARIS = new ApiClient("notaris-demo", "Notariskantoor Demo", true);
    public static final String NOTARIS_KEY = "pk_demo_notaris_00000000000000000000000000000";

    private static final Logger log = LoggerFactory.getLogger(DemoClients.class);

    private final ApiClientRepository clients;

    DemoClients(ApiClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public void afterPropertiesSet() {
        Map.of(WOONPUNT, WOONPUNT_KEY, NOTARIS, NOTARIS_KEY).forEach((client, key) -> {
            if (!clients.exists(client.id())) {
                clients.register(client, key);
                log.info("demo API client {} ({}) seeded; its key is published — dev only", client.id(),
                        client.name());
            }
        });
    }
}
