package be.paraaf.demo;

import be.paraaf.agent.Pkcs11Module;
import be.paraaf.agent.VirtualCard;
import be.paraaf.system.ParaafProperties;
import be.paraaf.system.SelfLauncher;
import be.paraaf.demo.DemoCitizens;
import be.paraaf.demo.DemoCitizens.DemoCitizen;
import be.paraaf.demo.DemoProperties;
import jakarta.annotation.PreDestroy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A virtual eID card ({@link VirtualCard}) per {@link DemoCitizens demo citizen} in the embedded default mode,
 * under {@code <data-dir>/demo/cards/<national number>}, PIN {@value DemoCitizens#CARD_PIN}, so the eID path
 * can be tried without a card reader: {@code paraaf eid-agent sign --link … --card-dir <dir>}.
 *
 * <p>Made once the server is ready, because the cards' certificates come from this server's Demo Citizen CA
 * over HTTP (the port is known only then), in the background so start-up does not wait, one card after the
 * other. Each runs the ordinary {@code paraaf eid virtual-card create} in a child JVM started with
 * {@value VirtualCard#SOFTHSM2_CONF} pointing at the new card: SoftHSM2 reads its token list once per process,
 * so this JVM could not open a second card. Existing cards are kept; a half-made one is replaced.
 * {@code paraaf.demo.virtual-cards=false} switches it off (tests do, except the test of this class).
 */
@Component
@DemoOnly
@ConditionalOnBooleanProperty("paraaf.demo.seed")
public class DemoCardSeeder {

    /** Where a demo card stands. */
    public enum Status {
        /** Usable. */
        READY,
        /** Queued or being made. */
        PENDING,
        /** Making it failed (see the log). */
        FAILED,
        /** SoftHSM2 is not installed. */
        NO_SOFTHSM,
        /** {@code paraaf.demo.virtual-cards=false}. */
        OFF
    }

    public record DemoCard(DemoCitizen citizen, Path directory, Status status) {

        public boolean ready() {
            return status == Status.READY;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DemoCardSeeder.class);

    private final Path cardsDir;
    private final DemoProperties properties;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile Process running;

    DemoCardSeeder(ParaafProperties paraaf, DemoProperties properties) {
        this.cardsDir = paraaf.dataDir().resolve("demo").resolve("cards").toAbsolutePath().normalize();
        this.properties = properties;
    }

    /** Every demo citizen's card directory and status, in {@link DemoCitizens#ALL}'s order. */
    public List<DemoCard> cards() {
        List<DemoCard> cards = new ArrayList<>();
        for (DemoCitizen citizen : DemoCitizens.ALL) {
            VirtualCard card = card(citizen);
            Status status = card.exists() ? Status.READY : statuses.getOrDefault(key(citizen),
                    properties.virtualCards() ? Status.PENDING : Status.OFF);
            cards.add(new DemoCard(citizen, card.directory(), status));
        }
        return cards;
    }

    @EventListener(ApplicationReadyEvent.class)
    void serverReady(ApplicationReadyEvent event) {
        if (!properties.virtualCards()) {
            return;
        }
        if (Pkcs11Module.firstInstalled(Pkcs11Module.SOFTHSM_LOCATIONS).isEmpty() || !onPath("softhsm2-util")) {
            DemoCitizens.ALL.forEach(citizen -> statuses.put(key(citizen), Status.NO_SOFTHSM));
            log.warn("no demo virtual eID cards: SoftHSM2 is not installed (Debian/Ubuntu: apt-get install softhsm2; "
                    + "Fedora: dnf install softhsm); itsme works without it. paraaf.demo.virtual-cards=false "
                    + "silences this");
            return;
        }
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port",
                event.getApplicationContext().getEnvironment().getProperty("server.port", "8080"));
        String server = "http://localhost:" + port;
        Thread worker = new Thread(() -> DemoCitizens.ALL.forEach(citizen -> provision(citizen, server)),
                "demo-virtual-cards");
        worker.setDaemon(true);
        worker.start();
    }

    private void provision(DemoCitizen citizen, String server) {
        VirtualCard card = card(citizen);
        if (stopping) {
            return;
        }
        if (card.exists()) {
            statuses.put(key(citizen), Status.READY);
            log.info("demo virtual eID card of {} in {} (PIN {})", citizen.fullName(), card.directory(),
                    DemoCitizens.CARD_PIN);
            return;
        }
        statuses.put(key(citizen), Status.PENDING);
        // --force replaces what an interrupted earlier attempt left behind; the card is usable only when complete
        List<String> command = new ArrayList<>(SelfLauncher.command(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1")));
        command.addAll(List.of("eid", "virtual-card", "create", "--server", server,
                "--given-name", citizen.givenName(), "--surname", citizen.surname(),
                "--national-number", citizen.nationalRegisterNumber().value(), "--pin", DemoCitizens.CARD_PIN,
                "--dir", card.directory().toString(), "--force"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(VirtualCard.SOFTHSM2_CONF, card.softHsmConfig().toString());
        try {
            Files.createDirectories(card.directory());
            Process process = builder.start();
            running = process;
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = process.waitFor(180, TimeUnit.SECONDS);
            if (done && process.exitValue() == 0 && card.exists()) {
                statuses.put(key(citizen), Status.READY);
                log.info("demo virtual eID card of {} created in {} (PIN {})", citizen.fullName(), card.directory(),
                        DemoCitizens.CARD_PIN);
            } else {
                process.destroyForcibly();
                statuses.put(key(citizen), Status.FAILED);
                if (!stopping) {
                    log.warn("demo virtual eID card of {} not created (exit {}): {}", citizen.fullName(),
                            done ? process.exitValue() : "timeout", output.strip());
                }
            }
        } catch (IOException e) {
            statuses.put(key(citizen), Status.FAILED);
            log.warn("demo virtual eID card of {} not created: {}", citizen.fullName(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            statuses.put(key(citizen), Status.FAILED);
        } finally {
            running = null;
        }
    }

    /** A card being made when the service stops would only fail later against a server that is gone. */
    @PreDestroy
    void stop() {
        stopping = true;
        Process process = running;
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private VirtualCard card(DemoCitizen citizen) {
        return VirtualCard.at(cardsDir.resolve(key(citizen)));
    }

    private static String key(DemoCitizen citizen) {
        return citizen.nationalRegisterNumber().value();
    }

    private static boolean onPath(String executable) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, executable))) {
                return true;
            }
        }
        return false;
    }
}
