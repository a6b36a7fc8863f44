package be.paraaf.archive;

/**
 * Who is looking at the archive: the seam between authentication and archive access. An agency sees the
 * entries it owns; a citizen logged in with the eID or itsme sees the entries where they are a party. Anyone else gets "not found", never "forbidden", so ids reveal nothing.
 */
public sealed interface ArchiveViewer {

    /** An API client (agency, integrator), by its client id. */
    record Agency(String clientId) implements ArchiveViewer {
        public Agency {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("client id is missing");
            }
        }
    }

    /** A citizen authenticated with eID or itsme, by national register number. */
    record Citizen(String nationalNumber) implements ArchiveViewer {
        public Citizen {
            nationalNumber = be.paraaf.identity.NationalRegisterNumber.parse(nationalNumber).value();
        }
    }
}
