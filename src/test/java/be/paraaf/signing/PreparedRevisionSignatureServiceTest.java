package be.paraaf.signing;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.support.TestDocs;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filling the prepared revision's hole gives, byte for byte, the document DSS's full {@code signDocument} writes when
 * it rebuilds the revision with PDFBox (fresh parameters, nothing cached) — invisible and visible, first signature and
 * on an already signed document.
 */
class PreparedRevisionSignatureServiceTest {

    private static KeyPair keys;
    private static List<X509Certificate> chain;
    private static final Instant SIGNING_TIME = Instant.parse("2026-12-07T10:15:30Z");

    @BeforeAll
    static void signer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Prepared Revision Test, C=BE");
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(SIGNING_TIME.minusSeconds(3600)),
                Date.from(SIGNING_TIME.plusSeconds(86_400)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        chain = List.of(certificate);
    }

    @Test
    void invisibleSignatureIsByteIdenticalToDssRebuildingTheRevision() {
        byte[] pdf = TestDocs.read(TestDocs.SAMPLE_CONTRACT);
        PadesSignatureSpec spec = PadesSignatureSpec.invisible(SignatureLevel.B_B);
        assertIdentical(filled(pdf, spec), rebuilt(pdf, spec));
    }

    @Test
    void visibleSecondSignatureIsByteIdenticalToDssRebuildingTheRevision() {
        byte[] once = filled(TestDocs.read(TestDocs.SAMPLE_CONTRACT), PadesSignatureSpec.invisible(SignatureLevel.B_B));
        PadesSignatureSpec visible = new PadesSignatureSpec(SignatureLevel.B_B, HashAlgorithm.SHA256,
                new VisibleAppearance(null, new Placement(1, 50, 50, 200, 60), "Prepared Revision", "eID", null,
                        AppearanceLanguage.parse("nl")), "test", "Gent", null);
        byte[] twice = filled(once, visible);
        assertIdentical(twice, rebuilt(once, visible));
        assertThat(new String(twice, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith(
                new String(once, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void twoStepCompletionFromTheStoredRevisionIsByteIdenticalAndVerifiesWithMutool() {
        byte[] pdf = TestDocs.read(TestDocs.SAMPLE_CONTRACT);
        PadesSignatureSpec spec = PadesSignatureSpec.invisible(SignatureLevel.B_B);
        PAdESService service = service(new PreparedRevisionSignatureService.Factory());
        PAdESSignatureParameters prepare = parameters(spec);
        ToBeSigned toBeSigned = service.getDataToSign(new InMemoryDocument(pdf), prepare);
        PreparedRevision stored = PreparedRevision.of(prepare, pdf.length);
        assertThat(stored.appended().length).as("only the new revision is kept").isLessThan(40_000);

        // another node: fresh parameters from the stored spec and signing time, the revision put back
        PAdESSignatureParameters complete = parameters(spec);
        PreparedRevision.restore(stored.appended(), stored.digest(), complete, pdf);
        byte[] signed = Documents.bytes(service.signDocument(new InMemoryDocument(pdf), complete, sign(toBeSigned)));

        assertIdentical(signed, rebuilt(pdf, spec));
        assertThat(be.paraaf.support.MuTool.signatures(signed)).filteredOn(be.paraaf.support.MuTool.Signature::signed)
                .singleElement().satisfies(signature -> assertThat(signature.digestValid()).as(signature.block())
                        .isTrue());
    }

    private static void assertIdentical(byte[] actual, byte[] expected) {
        int first = java.util.Arrays.mismatch(actual, expected);
        String around = first < 0 ? "" : new String(actual, Math.max(0, first - 40), Math.min(80, actual.length
                - Math.max(0, first - 40)), java.nio.charset.StandardCharsets.ISO_8859_1) + " | expected "
                + new String(expected, Math.max(0, first - 40), Math.min(80, expected.length - Math.max(0, first - 40)),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(first).as("first differing byte of %d/%d: %s", actual.length, expected.length, around)
                .isEqualTo(-1);
    }

    private static byte[] filled(byte[] pdf, PadesSignatureSpec spec) {
        PAdESService service = service(new PreparedRevisionSignatureService.Factory());
        PAdESSignatureParameters parameters = parameters(spec);
        DSSDocument document = new InMemoryDocument(pdf);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        assertThat(parameters.getPdfSignatureCache().getToBeSignedDocument()).isNotNull();
        return Documents.bytes(service.signDocument(document, parameters, sign(toBeSigned)));
    }

    private static byte[] rebuilt(byte[] pdf, PadesSignatureSpec spec) {
        PAdESService service = service(new PdfBoxNativeObjectFactory());
        DSSDocument document = new InMemoryDocument(pdf);
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters(spec));
        return Documents.bytes(service.signDocument(document, parameters(spec), sign(toBeSigned)));
    }

    private static PAdESService service(eu.europa.esig.dss.pdf.IPdfObjFactory factory) {
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        service.setPdfObjFactory(factory);
        return service;
    }

    private static PAdESSignatureParameters parameters(PadesSignatureSpec spec) {
        return DssParameters.pades(spec, chain, SIGNING_TIME, ZoneOffset.UTC);
    }

    private static SignatureValue sign(ToBeSigned toBeSigned) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(toBeSigned.getBytes());
            return new SignatureValue(eu.europa.esig.dss.enumerations.SignatureAlgorithm.RSA_SHA256,
                    signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
