package be.paraaf.staff;

import be.paraaf.system.ProblemType;

/** What a member may do in their organisation: an admin manages members and the API key; both send requests. */
public enum StaffRole {
    ADMIN, CLERK;

    static StaffRole parse(String text) {
        if (text != null) {
            for (StaffRole role : values()) {
                if (role.name().equalsIgnoreCase(text.strip())) {
                    return role;
                }
            }
        }
        throw new StaffException(ProblemType.BAD_REQUEST, "role must be 'admin' or 'clerk'.");
    }
}
