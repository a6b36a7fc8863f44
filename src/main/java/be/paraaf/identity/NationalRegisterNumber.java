package be.paraaf.identity;

import java.math.BigInteger;

/**
 * A Belgian national register number (rijksregisternummer / numéro de registre national): 11 digits,
 * YYMMDD + a 3-digit serial + a 2-digit check. The check is 97 minus (the first nine digits mod 97);
 * for people born in 2000 or later the nine digits are prefixed with "2" before the modulo.
 * Accepts the printed forms "85.07.30-033.28" and "85073003328".
 */
public record NationalRegisterNumber(String value) {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    public NationalRegisterNumber {
        if (value == null) {
            throw new IllegalArgumentException("national register number is missing");
        }
        value = value.replaceAll("[\\s.\\-]", "");
        if (!value.matches("\\d{11}")) {
            throw new IllegalArgumentException("national register number must have 11 digits");
        }
        if (!hasValidCheck(value)) {
            throw new IllegalArgumentException("national register number fails its mod-97 check");
        }
    }

    public static NationalRegisterNumber parse(String text) {
        return new NationalRegisterNumber(text);
    }

    /** True if {@code text} is a well-formed number with a correct check; never throws. */
    public static boolean isValid(String text) {
        try {
            new NationalRegisterNumber(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasValidCheck(String digits) {
        int check = Integer.parseInt(digits.substring(9));
        String body = digits.substring(0, 9);
        return check == checkOf(body) || check == checkOf("2" + body);
    }

    private static int checkOf(String body) {
        return 97 - new BigInteger(body).mod(NINETY_SEVEN).intValue();
    }

    /** Builds a number from its first nine digits, computing the check (born after 1999 if {@code born2000s}). */
    public static NationalRegisterNumber withCheck(String firstNine, boolean born2000s) {
        int check = checkOf(born2000s ? "2" + firstNine : firstNine);
        return new NationalRegisterNumber(firstNine + String.format("%02d", check));
    }

    /** The printed form YY.MM.DD-SSS.CC as on the eID card. */
    public String formatted() {
        return value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4, 6) + "-"
                + value.substring(6, 9) + "." + value.substring(9);
    }

    @Override
    public String toString() {
        return value;
    }
}
