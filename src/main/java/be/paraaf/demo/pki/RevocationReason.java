package be.paraaf.demo.pki;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** CRLReason values of RFC 5280 §5.3.1, by their ASN.1 names (removeFromCRL is not a revocation). */
public enum RevocationReason {
    UNSPECIFIED("unspecified", 0),
    KEY_COMPROMISE("keyCompromise", 1),
    CA_COMPROMISE("cACompromise", 2),
    AFFILIATION_CHANGED("affiliationChanged", 3),
    SUPERSEDED("superseded", 4),
    CESSATION_OF_OPERATION("cessationOfOperation", 5),
    CERTIFICATE_HOLD("certificateHold", 6),
    PRIVILEGE_WITHDRAWN("privilegeWithdrawn", 9),
    AA_COMPROMISE("aACompromise", 10);

    private final String rfcName;
    private final int code;

    RevocationReason(String rfcName, int code) {
        this.rfcName = rfcName;
        this.code = code;
    }

    /** The ASN.1 name, e.g. {@code keyCompromise}. */
    public String rfcName() {
        return rfcName;
    }

    /** The CRLReason code written into CRL entries and OCSP RevokedInfo. */
    public int code() {
        return code;
    }

    /** Parses {@code keyCompromise}, {@code KEY_COMPROMISE} or {@code key-compromise}; null means unspecified. */
    public static RevocationReason parse(String text) {
        if (text == null || text.isBlank()) {
            return UNSPECIFIED;
        }
        String wanted = text.trim().replace("-", "").replace("_", "");
        return Arrays.stream(values()).filter(r -> r.rfcName.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException(ProblemType.INVALID_REVOCATION_REASON,
                        "Unknown revocation reason '" + text + "'; use one of " + names() + ".",
                        Map.of("field", "reason"), null));
    }

    static String names() {
        return Arrays.stream(values()).map(RevocationReason::rfcName).collect(Collectors.joining(", "));
    }
}
