package be.paraaf.prepare;

import be.paraaf.identity.NationalRegisterNumber;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The kinds of value a template field holds: how a JSON value is checked and normalised, and how the
 * kind appears in the template's JSON Schema. Checks with a mod-97 check digit (national register number,
 * enterprise number, IBAN) verify it, so a typo is caught before anyone signs.
 */
enum Kind {
    /** One line of text, at most 200 characters. */
    TEXT("string", null, "one line, at most 200 characters") {
        @Override
        Object parse(String text) {
            return oneLine(text, 200);
        }
    },
    /** Free text with paragraphs (blank lines), at most 20,000 characters. */
    LONG_TEXT("string", null, "free text, paragraphs separated by blank lines, at most 20000 characters") {
        @Override
        Object parse(String text) {
            String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
            if (normalised.isEmpty()) {
                throw new Invalid("must not be empty");
            }
            if (normalised.length() > 20_000) {
                throw new Invalid("is longer than 20000 characters");
            }
            if (normalised.chars().anyMatch(c -> c != '\n' && c != '\t' && Character.isISOControl(c))) {
                throw new Invalid("contains control characters");
            }
            return normalised;
        }
    },
    /** Belgian national register number, 11 digits with the mod-97 check ("85.07.30-033.28"). */
    NATIONAL_NUMBER("string", "^[0-9 .-]{11,15}$", "Belgian national register number, e.g. 85.07.30-033.28") {
        @Override
        Object parse(String text) {
            try {
                return NationalRegisterNumber.parse(text);
            } catch (IllegalArgumentException e) {
                throw new Invalid(e.getMessage().replace("national register number ", ""));
            }
        }
    },
    /** Belgian enterprise number (KBO/BCE): 10 digits starting with 0 or 1, mod-97 check. */
    ENTERPRISE_NUMBER("string", "^(BE)?[0-9 .]{9,14}$", "Belgian enterprise number (KBO/BCE), e.g. 0403.170.701") {
        @Override
        Object parse(String text) {
            String digits = text.toUpperCase(Locale.ROOT).replaceFirst("^BE", "").replaceAll("[\\s.]", "");
            if (digits.matches("\\d{9}")) {
                digits = "0" + digits; // the old nine-digit form
            }
            if (!digits.matches("[01]\\d{9}")) {
                throw new Invalid("must have 10 digits starting with 0 or 1");
            }
            int check = 97 - Integer.parseInt(digits.substring(0, 8)) % 97;
            if (check != Integer.parseInt(digits.substring(8))) {
                throw new Invalid("fails its mod-97 check");
            }
            return digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
        }
    },
    /** A calendar date in ISO 8601 form, yyyy-MM-dd. */
    DATE("string", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "date, yyyy-MM-dd") {
        @Override
        Object parse(String text) {
            try {
                LocalDate date = LocalDate.parse(text);
                if (date.getYear() < 1900 || date.getYear() > 2200) {
                    throw new Invalid("must lie between 1900 and 2200");
                }
                return date;
            } catch (DateTimeParseException e) {
                throw new Invalid("must be a date in the form yyyy-MM-dd");
            }
        }
    },
    /** An amount in euro with at most two decimals, not negative: "845.50". */
    AMOUNT("string", "^[0-9]{1,9}(\\.[0-9]{1,2})?$", "amount in euro, dot as decimal separator, e.g. 845.50") {
        @Override
        Object parse(String text) {
            if (text.startsWith("-")) {
                throw new Invalid("must not be negative");
            }
            if (text.matches("\\d+,\\d+")) {
                throw new Invalid("must use a dot as decimal separator, e.g. 845.50");
            }
            if (!text.matches("\\d{1,9}(\\.\\d+)?")) {
                throw new Invalid("must be an amount in euro such as 845.50");
            }
            BigDecimal amount = new BigDecimal(text);
            if (amount.scale() > 2) {
                throw new Invalid("must not have more than 2 decimals (cents)");
            }
            return amount.setScale(2);
        }
    },
    /** An IBAN with its ISO 13616 mod-97 check; Belgian IBANs have 16 characters. */
    IBAN("string", "^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{11,38}$", "IBAN, e.g. BE68 5390 0754 7034") {
        @Override
        Object parse(String text) {
            String iban = text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}") || iban.startsWith("BE") && iban.length() != 16) {
                throw new Invalid("is not a well-formed IBAN");
            }
            StringBuilder digits = new StringBuilder();
            for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
                digits.append(Character.digit(c, 36));
            }
            if (new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() != 1) {
                throw new Invalid("fails its mod-97 check");
            }
            return iban.replaceAll("(.{4})(?!$)", "$1 ");
        }
    },
    /** A phone number, Belgian ("0470 12 34 56") or international ("+32 470 12 34 56"); kept as E.164. */
    PHONE("string", "^[+0-9 ./()-]{8,24}$", "phone number, e.g. +32 470 12 34 56 or 0470 12 34 56") {
        @Override
        Object parse(String text) {
            String number = text.replaceAll("[\\s./()-]", "");
            if (number.startsWith("00")) {
                number = "+" + number.substring(2);
            } else if (number.startsWith("0")) {
                number = "+32" + number.substring(1);
            }
            if (!number.matches("\\+[1-9]\\d{7,14}")) {
                throw new Invalid("is not a phone number");
            }
            if (number.startsWith("+32") && !number.substring(3).matches("[1-9]\\d{7}|4\\d{8}")) {
                throw new Invalid("is not a Belgian phone number (8 digits, or 9 for a mobile number)");
            }
            return number;
        }
    },
    /** A Belgian postal code, 1000–9999. */
    POSTAL_CODE("string", "^[1-9][0-9]{3}$", "Belgian postal code") {
        @Override
        Object parse(String text) {
            if (!text.matches("[1-9]\\d{3}")) {
                throw new Invalid("must be a Belgian postal code of 4 digits");
            }
            return text;
        }
    },
    /** A duration in whole months, 1 to 1188 (99 years). */
    MONTHS("integer", null, "duration in months") {
        @Override
        Object parse(String text) {
            if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 1188) {
                throw new Invalid("must be a whole number of months between 1 and 1188");
            }
            return Integer.parseInt(text);
        }
    },
    /** One of a fixed set of upper-case values, listed with the field. */
    CHOICE("string", null, "one of the listed values") {
        @Override
        Object parse(String text) {
            return text.strip().toUpperCase(Locale.ROOT);
        }
    };

    /** A value that fails its kind's check; the message completes "field …". */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final String jsonType;
    private final String pattern;
    private final String description;

    Kind(String jsonType, String pattern, String description) {
        this.jsonType = jsonType;
        this.pattern = pattern;
        this.description = description;
    }

    /** Checks and normalises the textual form of a value; throws {@link Invalid}. */
    abstract Object parse(String text);

    /** Checks a JSON value: strings for every kind, JSON numbers also for amounts and months. */
    Object parse(JsonNode node) {
        if (node.isString()) {
            String text = node.asString().strip();
            if (text.isEmpty()) {
                throw new Invalid("is required");
            }
            return parse(text);
        }
        if (node.isNumber() && (this == AMOUNT || this == MONTHS)) {
            return parse(node.decimalValue().toPlainString());
        }
        throw new Invalid(this == MONTHS ? "must be a number" : "must be a string");
    }

    /** This kind as a JSON Schema (draft 2020-12) fragment. */
    Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", jsonType);
        if (pattern != null) {
            schema.put("pattern", pattern);
        }
        if (this == DATE) {
            schema.put("format", "date");
        }
        if (this == MONTHS) {
            schema.put("minimum", 1);
            schema.put("maximum", 1188);
        }
        schema.put("description", description);
        return schema;
    }

    /**
     * A normalised phone number as printed: Belgian numbers grouped as in the national numbering plan
     * ("+32 470 12 34 56", "+32 9 123 45 67", "+32 50 12 34 56"), others left in E.164.
     */
    static String printedPhone(String e164) {
        if (!e164.startsWith("+32")) {
            return e164;
        }
        String national = e164.substring(3);
        if (national.length() == 9) { // mobile: 4xx xx xx xx
            return "+32 " + national.replaceFirst("(\\d{3})(\\d{2})(\\d{2})(\\d{2})", "$1 $2 $3 $4");
        }
        boolean oneDigitZone = "2349".indexOf(national.charAt(0)) >= 0;
        return "+32 " + (oneDigitZone
                ? national.replaceFirst("(\\d)(\\d{3})(\\d{2})(\\d{2})", "$1 $2 $3 $4")
                : national.replaceFirst("(\\d{2})(\\d{2})(\\d{2})(\\d{2})", "$1 $2 $3 $4"));
    }

    private static String oneLine(String text, int maxLength) {
        String line = text.strip();
        if (line.length() > maxLength) {
            throw new Invalid("is longer than " + maxLength + " characters");
        }
        if (line.chars().anyMatch(Character::isISOControl)) {
            throw new Invalid("must be a single line without control characters");
        }
        return line;
    }
}
