package be.paraaf.staff;

import be.paraaf.access.ApiClient;
import be.paraaf.audit.Actor;

/**
 * A logged-in member of an organisation: the organisation (the API client whose documents and requests the
 * member works on, exactly as with its API key), who (national register number), the role and how they logged in.
 */
public record StaffMember(ApiClient organisation, String nationalRegisterNumber, StaffRole role, String method) {

    public boolean admin() {
        return role == StaffRole.ADMIN;
    }

    /** How audit trails name this member, e.g. {@code staff:woonpunt-demo:*******2345}. */
    public Actor actor() {
        return new Actor("staff:" + organisation.id() + ":" + MembershipService.masked(nationalRegisterNumber));
    }
}
