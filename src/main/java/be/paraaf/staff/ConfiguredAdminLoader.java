package be.paraaf.staff;

import be.paraaf.access.ApiClientRepository;
import be.paraaf.identity.NationalRegisterNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * The operator's deliberate step that makes an organisation's first admin: {@code paraaf.staff.admins[n]} names the
 * organisation (an API client) and the person. Applied at start after the API clients are configured; an unknown
 * organisation or an invalid number stops the start with one line naming it. Removing the entry later does not remove
 * the admin (do that from the dashboard), so configuration never silently takes access away mid-day.
 */
@Component
@DependsOnDatabaseInitialization
@DependsOn("configuredClientLoader") // the organisations it names are configured API clients
class ConfiguredAdminLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredAdminLoader.class);

    private final StaffProperties properties;
    private final ApiClientRepository clients;
    private final MembershipService memberships;

    ConfiguredAdminLoader(StaffProperties properties, ApiClientRepository clients, MembershipService memberships) {
        this.properties = properties;
        this.clients = clients;
        this.memberships = memberships;
    }

    @Override
    public void afterPropertiesSet() {
        for (StaffProperties.Admin admin : properties.admins()) {
            if (!NationalRegisterNumber.isValid(admin.nationalRegisterNumber())) {
                throw new IllegalStateException("paraaf.staff.admins: '" + admin.nationalRegisterNumber()
                        + "' is not a valid national register number");
            }
            if (!clients.exists(admin.organisation())) {
                throw new IllegalStateException("paraaf.staff.admins: organisation '" + admin.organisation()
                        + "' is not an API client (configure it in paraaf.access.clients first)");
            }
            if (memberships.ensureAdmin(admin.organisation(), admin.nationalRegisterNumber(), "operator")) {
                log.info("staff admin ******{} of {} configured", admin.nationalRegisterNumber()
                        .substring(admin.nationalRegisterNumber().length() - 4), admin.organisation());
            }
        }
    }
}
