package be.paraaf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of the design, checked on the compiled classes: DSS stays in signing, validation and trust;
 * capabilities never call the web layer; the demo is reached only through its gate; no package cycles.
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
    void packagesHaveNoCycles() {
        slices().matching("be.paraaf.(*)..").should().beFreeOfCycles().check(classes);
    }
}
