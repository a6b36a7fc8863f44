package be.paraaf.demo;

import be.paraaf.identity.NationalRegisterNumber;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The demo citizens of the embedded default mode, defined once: the itsme accounts
 * ({@code consent.itsme.DemoItsmeAccountSeeder}) and virtual eID cards ({@code demo.DemoCardSeeder}) are seeded
 * for them, and the agency page's sample lease names them (through {@code GET /api/dev/demo/citizens}), so a
 * newcomer can sign that lease as each party. Invented people: their numbers pass the mod-97 check but belong
 * to nobody we know of. Never seeded in production.
 */
public final class DemoCitizens {

    /** The itsme code of every demo account (5 digits; not a run or a repeat, so a stricter code rule keeps it). */
    public static final String ITSME_CODE = "31415";

    /** The PIN of every demo virtual eID card. */
    public static final String CARD_PIN = "1234";

    /**
     * A demo citizen: names as on the eID card, the national register number, a birth date consistent with it,
     * a mobile number for itsme and the language paraaf speaks to them in ({@code nl}, {@code fr} or {@code en}).
     */
    public record DemoCitizen(String givenName, String surname, NationalRegisterNumber nationalRegisterNumber,
            LocalDate birthDate, String phone, String language) {

        public DemoCitizen {
            String number = nationalRegisterNumber.value();
            if (!number.substring(0, 6).equals(String.format("%02d%02d%02d", birthDate.getYear() % 100,
                    birthDate.getMonthValue(), birthDate.getDayOfMonth()))) {
                throw new IllegalArgumentException(number + " does not start with the birth date " + birthDate);
            }
            // the check digits tell the century: computed over the nine digits, or over "2" + them after 1999
            if (!NationalRegisterNumber.withCheck(number.substring(0, 9), birthDate.getYear() >= 2000).equals(
                    nationalRegisterNumber)) {
                throw new IllegalArgumentException(number + " does not carry the check of a birth in "
                        + birthDate.getYear());
            }
            if (!phone.matches("\\+32[0-9]{9}") || !language.matches("nl|fr|en")) {
                throw new IllegalArgumentException("phone +32… (9 digits) and language nl, fr or en");
            }
        }

        public String fullName() {
            return givenName + " " + surname;
        }
    }

    /**
     * A Flemish, a French-speaking and a German-speaking Belgian. The first is the agency page's sample tenant
     * (also in test-docs/templates/lease.json). Jürgen was born after 1999, so his number exercises the "2"
     * prefix of the check; paraaf has no German texts yet, so he reads French (the other language of his region).
     */
    public static final List<DemoCitizen> ALL = List.of(
            new DemoCitizen("Zoë", "Van den Broeck", NationalRegisterNumber.parse("92.05.05-123.45"),
                    LocalDate.of(1992, 5, 5), "+32470123456", "nl"),
            new DemoCitizen("Hélène", "Lefèvre", NationalRegisterNumber.parse("87.11.23-284.57"),
                    LocalDate.of(1987, 11, 23), "+32478234567", "fr"),
            new DemoCitizen("Jürgen", "Schröder", NationalRegisterNumber.parse("01.08.14-057.17"),
                    LocalDate.of(2001, 8, 14), "+32491345678", "fr"));

    private DemoCitizens() {
    }

    public static Optional<DemoCitizen> byNumber(String nationalRegisterNumber) {
        return ALL.stream().filter(c -> c.nationalRegisterNumber().value().equals(nationalRegisterNumber)).findFirst();
    }
}
