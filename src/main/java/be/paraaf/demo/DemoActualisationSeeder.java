package be.paraaf.demo;

import be.paraaf.demo.DemoCitizens;
import be.paraaf.demo.DemoCitizens.DemoCitizen;
import be.paraaf.demo.DemoClients;
import be.paraaf.actualisation.ActualisationService;
import be.paraaf.actualisation.ActualisationService.NewActualisation;
import be.paraaf.actualisation.ActualisationService.Status;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * In the embedded default mode every {@link DemoCitizens demo citizen} has an actualisation from the demo
 * housing agency (Woonpunt), due in 30 days, so the citizen page has something to answer. Idempotent: a citizen
 * who already has one that is open, waiting for a signature or signed gets no other.
 */
@Component
@DemoOnly
@ConditionalOnBooleanProperty("paraaf.demo.seed")
class DemoActualisationSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoActualisationSeeder.class);
    private static final EnumSet<Status> CURRENT = EnumSet.of(Status.OPEN, Status.AWAITING_SIGNATURE, Status.STAYS,
            Status.WITHDRAWN);

    private final ActualisationService actualisations;
    private final Clock clock;

    DemoActualisationSeeder(ActualisationService actualisations, Clock clock) {
        this.actualisations = actualisations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        LocalDate due = LocalDate.ofInstant(clock.instant(), ActualisationService.BELGIUM).plusDays(30);
        for (DemoCitizen citizen : DemoCitizens.ALL) {
            String nrn = citizen.nationalRegisterNumber().value();
            try {
                if (actualisations.forCitizen(nrn).stream().noneMatch(view -> CURRENT.contains(view.status()))) {
                    actualisations.register(DemoClients.WOONPUNT.id(), new NewActualisation(nrn, citizen.fullName(),
                            "WV-DEMO-" + nrn.substring(6) + "-" + due.getYear(), "Woonpunt Demo", due,
                            citizen.language()));
                    log.info("demo actualisation for {} due {}", citizen.fullName(), due);
                }
            } catch (RuntimeException e) {
                log.warn("demo actualisation for {} not seeded: {}", citizen.fullName(), e.toString());
            }
        }
    }
}
