package be.paraaf.demo;

import be.paraaf.staff.MembershipService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The demo organisations' first admins, as an operator would configure them with {@code paraaf.staff.admins}:
 * Hélène Lefèvre for {@code woonpunt-demo}, Jürgen Schröder for {@code notaris-demo}. Both log in to the dashboard
 * with their demo itsme account (code {@value DemoCitizens#ITSME_CODE}) or virtual eID card.
 */
@Component
@DemoOnly
@ConditionalOnBooleanProperty("paraaf.access.demo-clients")
@DependsOnDatabaseInitialization
@DependsOn("demoClients")
public class DemoStaff implements InitializingBean {

    public static final String WOONPUNT_ADMIN = DemoCitizens.ALL.get(1).nationalRegisterNumber().value();
    public static final String NOTARIS_ADMIN = DemoCitizens.ALL.get(2).nationalRegisterNumber().value();

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    private final MembershipService memberships;

    DemoStaff(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Override
    public void afterPropertiesSet() {
        if (memberships.ensureAdmin(DemoClients.WOONPUNT.id(), WOONPUNT_ADMIN, "demo-seed")
                | memberships.ensureAdmin(DemoClients.NOTARIS.id(), NOTARIS_ADMIN, "demo-seed")) {
            log.info("demo staff admins seeded (Hélène Lefèvre: woonpunt-demo, Jürgen Schröder: notaris-demo)");
        }
    }
}
