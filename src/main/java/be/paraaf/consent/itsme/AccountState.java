package be.paraaf.consent.itsme;

/**
 * Life of an itsme-style account: enrolled but not yet confirmed with the eID, usable, or locked after
 * too many wrong secret codes (until an administrator unlocks it).
 */
public enum AccountState {
    PENDING_EID_CONFIRMATION, ACTIVE, LOCKED
}
