package be.paraaf.demo.pki;

import be.paraaf.system.ProblemType;
import be.paraaf.system.NotFoundException;
import java.util.Arrays;

/** The demo certification authorities, by the id used in their URLs ({@code /pki/ca/{id}.crt}). */
public enum CaId {
    ROOT("root", "paraaf Demo Root CA"),
    CITIZEN("citizen", "paraaf Demo Citizen CA"),
    REMOTE_SIGNING("remote-signing", "paraaf Demo Remote Signing CA");

    private final String id;
    private final String commonName;

    CaId(String id, String commonName) {
        this.id = id;
        this.commonName = commonName;
    }

    public String id() {
        return id;
    }

    public String commonName() {
        return commonName;
    }

    /** Looks up a CA by its URL id; an unknown id is a 404 for the caller. */
    public static CaId fromId(String id) {
        return Arrays.stream(values()).filter(ca -> ca.id.equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException(ProblemType.UNKNOWN_CA,
                        "There is no demo CA with id '" + id + "'."));
    }

    @Override
    public String toString() {
        return id;
    }
}
