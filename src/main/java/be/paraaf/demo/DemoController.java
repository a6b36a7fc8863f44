package be.paraaf.demo;

import be.paraaf.consent.itsme.AccountState;
import be.paraaf.demo.DemoCardSeeder;
import be.paraaf.demo.DemoCitizens;
import be.paraaf.demo.DemoCitizens.DemoCitizen;
import be.paraaf.demo.DemoClients;
import be.paraaf.demo.DemoItsmeAccountSeeder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo agency's API key and the demo citizens of the embedded default mode and how to act as them: for the itsme app simulator page, the
 * seeded device (account, device id, the device private key as a JWK for WebCrypto, the code); for the eID agent,
 * the virtual card's directory and PIN. Giving out a device key is acceptable here only because the phone is a
 * simulator and the people are invented; like the seeding, this exists only in the dev profile (404 in prod).
 */
@RestController
@DemoOnly
@ConditionalOnBooleanProperty("paraaf.demo.seed")
class DemoController {

    private final DemoItsmeAccountSeeder itsme;
    private final DemoCardSeeder cards;

    DemoController(DemoItsmeAccountSeeder itsme, DemoCardSeeder cards) {
        this.itsme = itsme;
        this.cards = cards;
    }

    record ItsmeView(String accountId, String deviceId, AccountState state, Map<String, String> devicePrivateKey,
            String code) {
    }

    record CardView(String directory, DemoCardSeeder.Status status, boolean ready, String pin) {
    }

    record CitizenView(String name, String givenName, String surname, String nationalRegisterNumber,
            String nationalRegisterNumberFormatted, LocalDate birthDate, String phone, String language, ItsmeView itsme,
            CardView card) {
    }

    record AgencyView(String clientId, String name, String apiKey) {
    }

    /** The demo housing agency and its API key (documented in the README), so the agency page can fill it in. */
    @GetMapping("/api/dev/demo/agency")
    AgencyView agency() {
        return new AgencyView(DemoClients.WOONPUNT.id(), DemoClients.WOONPUNT.name(), DemoClients.WOONPUNT_KEY);
    }

    @GetMapping("/api/dev/demo/citizens")
    List<CitizenView> citizens() {
        Map<String, DemoItsmeAccountSeeder.DemoAccount> accounts = itsme.accounts().stream()
                .collect(Collectors.toMap(account -> key(account.citizen()), Function.identity()));
        Map<String, DemoCardSeeder.DemoCard> byCitizen = cards.cards().stream()
                .collect(Collectors.toMap(card -> key(card.citizen()), Function.identity()));
        return DemoCitizens.ALL.stream().map(citizen -> {
            DemoItsmeAccountSeeder.DemoAccount account = accounts.get(key(citizen));
            DemoCardSeeder.DemoCard card = byCitizen.get(key(citizen));
            return new CitizenView(citizen.fullName(), citizen.givenName(), citizen.surname(), key(citizen),
                    citizen.nationalRegisterNumber().formatted(), citizen.birthDate(), citizen.phone(),
                    citizen.language(),
                    account == null ? null : new ItsmeView(account.accountId(), account.deviceId(), account.state(),
                            account.devicePrivateKeyJwk(), DemoCitizens.ITSME_CODE),
                    new CardView(card.directory().toString(), card.status(), card.ready(), DemoCitizens.CARD_PIN));
        }).toList();
    }

    private static String key(DemoCitizen citizen) {
        return citizen.nationalRegisterNumber().value();
    }
}
