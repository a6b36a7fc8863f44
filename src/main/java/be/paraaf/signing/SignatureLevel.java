package be.paraaf.signing;

import java.util.Locale;

/**
 * Baseline levels of ETSI EN 319 142-1 (PAdES) and EN 319 132-1 (XAdES): B-B (signed attributes
 * only), B-T (+ signature time-stamp), B-LT (+ certificates and revocation data), B-LTA (+ archive
 * time-stamp, renewable).
 */
public enum SignatureLevel {
    B_B, B_T, B_LT, B_LTA;

    /** Accepts "B-LTA", "B_LTA", "LTA", "PAdES-BASELINE-LTA", "XAdES_BASELINE_LTA" and the like. */
    public static SignatureLevel parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("signature level is missing");
        }
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (String prefix : new String[] {"PADES_BASELINE_", "XADES_BASELINE_", "BASELINE_", "B_"}) {
            if (normalized.startsWith(prefix)) {
                normalized = normalized.substring(prefix.length());
                break;
            }
        }
        return switch (normalized) {
            case "B" -> B_B;
            case "T" -> B_T;
            case "LT" -> B_LT;
            case "LTA" -> B_LTA;
            default -> throw new IllegalArgumentException(
                    "unknown signature level '" + text + "' (expected B-B, B-T, B-LT or B-LTA)");
        };
    }

    public boolean includesTimestamp() {
        return this != B_B;
    }

    public String label() {
        return name().replace('_', '-');
    }
}
