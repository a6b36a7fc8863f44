package be.paraaf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The arrows of the design, checked on the compiled classes: DSS stays in signing, validation and trust;
 * capabilities never call the web layer and never spell its routes; the demo is reached only through its gate;
 * no package cycles.
 */
class StructureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("be.paraaf");
    }

    @Test
    void onlySigningValidationAndTrustUseDss() {
        noClasses().that().resideOutsideOfPackages("be.paraaf.signing..", "be.paraaf.validation..",
                        "be.paraaf.trust..")
                .should().dependOnClassesThat().resideInAPackage("eu.europa.esig.dss..")
                .because("DSS types stay inside signing, validation and trust (DESIGN.md)")
                .check(classes);
    }

    @Test
    void capabilitiesNeverUseTheWebLayer() {
        noClasses().that().resideOutsideOfPackages("be.paraaf.web..")
                .should().dependOnClassesThat().resideInAPackage("be.paraaf.web..")
                .because("controllers call capabilities, never the other way round")
                .check(classes);
    }

    @Test
    void nothingOutsideTheDemoGateUsesDemoCode() {
        noClasses().that().resideOutsideOfPackages("be.paraaf.demo..", "be.paraaf.cli..")
                .should().dependOnClassesThat().resideInAPackage("be.paraaf.demo..")
                .because("the demo is one gate (be.paraaf.demo, profile dev); the command line's demo tools "
                        + "(pki, virtual cards) are a separate program, not the service")
                .check(classes);
    }

    @Test
    void theServiceNeverUsesTheCitizensAgent() {
        noClasses().that().resideOutsideOfPackages("be.paraaf.agent..", "be.paraaf.cli..", "be.paraaf.demo..")
                .should().dependOnClassesThat().resideInAPackage("be.paraaf.agent..")
                .because("be.paraaf.agent runs on the citizen's computer (the card, the PIN, the local agent); the "
                        + "service talks to it only over HTTP. The command line is its launcher and the demo "
                        + "provisions virtual cards with it")
                .check(classes);
    }

    @Test
    void theAgentUsesNoServerCapability() {
        noClasses().that().resideInAPackage("be.paraaf.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("be.paraaf.web..", "be.paraaf.request..",
                        "be.paraaf.signing..", "be.paraaf.validation..", "be.paraaf.archive..",
                        "be.paraaf.persistence..", "be.paraaf.consent..", "be.paraaf.demo..",
                        "org.springframework..")
                .because("the agent ships alone to the citizen (docs/agent.md): no Spring, no server code")
                .check(classes);
    }

    @Test
    void theRootPackageDependsOnNoOtherPackageOfTheApplication() {
        noClasses().that().resideInAPackage("be.paraaf")
                .should().dependOnClassesThat().resideInAPackage("be.paraaf.(*)..")
                .check(classes);
    }

    @Test
    void theRootPackageHoldsOnlyTheApplication() {
        classes().that().resideInAPackage("be.paraaf").and().areTopLevelClasses()
                .should().haveSimpleName("ParaafApplication")
                .because("shared plumbing lives in be.paraaf.system, capabilities in their own packages")
                .check(classes);
    }

    @Test
    void theSystemPackageDependsOnNoCapability() {
        noClasses().that().resideInAPackage("be.paraaf.system..")
                .should().dependOnClassesThat(resideInAPackage("be.paraaf..")
                        .and(resideOutsideOfPackage("be.paraaf.system..")))
                .because("system holds what every capability uses: the exception base, the problem catalogue, "
                        + "bounded work, file names, settings")
                .check(classes);
    }

    @Test
    void requestsDoNotKnowTheFeaturesBuiltOnThem() {
        noClasses().that().resideInAnyPackage("be.paraaf.request..", "be.paraaf.consent..", "be.paraaf.signing..",
                        "be.paraaf.archive..", "be.paraaf.validation..", "be.paraaf.prepare..")
                .should().dependOnClassesThat().resideInAnyPackage("be.paraaf.actualisation..",
                        "be.paraaf.enrolment..")
                .because("actualisation and the itsme enrolment contract are users of requests and signing "
                        + "(arrows run web → actualisation/enrolment → request → consent → signing → archive)")
                .check(classes);
    }

    @Test
    void onlyTheWebLayerSpellsRoutes() {
        ROUTES_ONLY_IN_WEB.check(classes);
    }

    /** The rule above can fail: a class outside web that builds a signer link is caught. */
    @Test
    void aRouteBuiltOutsideTheWebLayerIsCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedRoute.class);
        assertThatThrownBy(() -> ROUTES_ONLY_IN_WEB.check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("/api/sign/").hasMessageContaining(".html?token=");
    }

    /** What {@link #onlyTheWebLayerSpellsRoutes} must refuse: routes spelled by a capability. */
    static final class PlantedRoute {

        static String signerLink(String token) {
            return "/api/sign/" + token;
        }

        static String signerPage(String token) {
            return "/sign.html?token=" + token;
        }
    }

    /**
     * Routes (an {@code /api/} path, a {@code .html} page) are built in web only; capabilities ask web through
     * a port ({@code SignerLinks}, {@code ReportLinks}, {@code CitizenLinks}). ArchUnit sees no string
     * constants, so the condition reads them from the class file: every literal and every string concatenation's
     * recipe is a CONSTANT_String there. The agent and the command line are HTTP clients of the service (a
     * separate program) and the demo's controllers are controllers.
     */
    private static final ArchRule ROUTES_ONLY_IN_WEB = classes()
            .that().resideOutsideOfPackages("be.paraaf.web..", "be.paraaf.agent..", "be.paraaf.cli..",
                    "be.paraaf.demo..")
            .should(new ArchCondition<JavaClass>("spell no route (/api/…, ….html)") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    for (String constant : ClassFileStrings.of(javaClass)) {
                        if (ROUTE.matcher(constant).find()) {
                            events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                                    + " spells the route \"" + constant.replace('\u0001', '…') + "\""));
                        }
                    }
                }
            })
            .because("URLs belong in web (DESIGN.md): a moved page or route then changes in one place");

    /**
     * A constant that starts with a route, or a concatenation that puts one right after a value (a base URL):
     * words that mention an endpoint to a reader ("POST /api/seals") name it, they build no link.
     */
    private static final Pattern ROUTE = Pattern.compile("^\\u0001?/(?:api/|[\\w/-]*\\.html(?:[?#\\u0001]|$))");

    /** The string constants of a compiled class, read from its constant pool (JVMS §4.4). */
    static final class ClassFileStrings {

        static List<String> of(JavaClass javaClass) {
            URI uri = javaClass.getSource().orElseThrow().getUri();
            try (InputStream in = uri.toURL().openStream()) {
                return read(new DataInputStream(new BufferedInputStream(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + uri, e);
            }
        }

        private static List<String> read(DataInputStream in) throws IOException {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> strings = new ArrayList<>();
            for (int index = 1; index < count; index++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[index] = in.readUTF();
                    case 8 -> strings.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        index++; // eight-byte constants take two entries
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            return strings.stream().map(index -> utf8[index]).toList();
        }
    }

    /**
     * A plural name is a static helper or a set of constants, as in the JDK ({@code Files}, {@code Collections}):
     * a bean says its role ({@code SignerActionService}, {@code RequestDeadlineJob}, {@code DemoCardSeeder}).
     * Two keep their names: {@code RequestNotifications}, because Spring Modulith stores its class name as the
     * listener id of every pending mail publication (a rename would strand them after an upgrade), and
     * {@code DemoClients}, the catalogue of demo keys that tests read, which also seeds them.
     */
    @Test
    void beansAreNotNamedAsPluralNouns() {
        classes().that().areMetaAnnotatedWith(Component.class)
                .and().doNotHaveSimpleName("RequestNotifications").and().doNotHaveSimpleName("DemoClients")
                .should().haveSimpleNameNotEndingWith("s")
                .because("a plural name reads as a static helper; a bean is a service, job, seeder, check…")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("be.paraaf.(*)..").should().beFreeOfCycles().check(classes);
    }
}
