package be.paraaf.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import be.paraaf.demo.DemoCitizens.DemoCitizen;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.TestDocs;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoCitizensTest {

    @Test
    void threeDistinctCitizensWithValidNumbersAndDistinctPhones() {
        assertThat(DemoCitizens.ALL).hasSize(3);
        assertThat(DemoCitizens.ALL).extracting(c -> c.nationalRegisterNumber().value()).doesNotHaveDuplicates()
                .allMatch(NationalRegisterNumber::isValid);
        assertThat(DemoCitizens.ALL).extracting(DemoCitizen::phone).doesNotHaveDuplicates();
        assertThat(DemoCitizens.ALL).extracting(DemoCitizen::language).containsExactly("nl", "fr", "fr");
    }

    @Test
    void firstCitizenIsTheSampleLeaseTenant() {
        String lease = new String(TestDocs.read(TestDocs.TEMPLATE_INPUTS.resolve("lease.json")), StandardCharsets.UTF_8);
        DemoCitizen zoe = DemoCitizens.ALL.get(0);
        assertThat(lease).contains("\"name\": \"" + zoe.fullName() + "\"",
                "\"nationalNumber\": \"" + zoe.nationalRegisterNumber().formatted() + "\"",
                "\"birthDate\": \"" + zoe.birthDate() + "\"");
    }

    @Test
    void constructor_birthDateMustMatchTheNumberAndItsCentury() {
        NationalRegisterNumber born2001 = NationalRegisterNumber.parse("01.08.14-057.17");
        assertThatIllegalArgumentException().isThrownBy(() -> new DemoCitizen("A", "B", born2001,
                LocalDate.of(2001, 8, 15), "+32491345678", "fr")).withMessageContaining("birth date");
        assertThatIllegalArgumentException().isThrownBy(() -> new DemoCitizen("A", "B", born2001,
                LocalDate.of(1901, 8, 14), "+32491345678", "fr")).withMessageContaining("check");
    }

    @Test
    void itsmeCodeIsFiveDigitsAndCardPinFourToTwelve() {
        assertThat(DemoCitizens.ITSME_CODE).matches("[0-9]{5}");
        assertThat(DemoCitizens.CARD_PIN).matches("[0-9]{4,12}");
    }
}
