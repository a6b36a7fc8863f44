package be.paraaf.signing;

import be.paraaf.identity.CertificateIdentity;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignerTextPosition;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.PAdESTimestampParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * The only place that turns paraaf's signature specs into DSS parameters. Prepare and complete call it
 * with the same inputs (spec, chain, signing time), so both steps build identical parameters and DSS
 * recomputes the identical revision — the property two-step signing rests on.
 */
final class DssParameters {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final int CONTENT_SIZE_WITHOUT_TIMESTAMP = 16_384;
    private static final int CONTENT_SIZE_WITH_TIMESTAMP = 32_768;
    private static final byte[] FONT = loadFont();
    private static final DateTimeFormatter APPEARANCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private DssParameters() {
    }

    static PAdESSignatureParameters pades(PadesSignatureSpec spec, List<X509Certificate> chain, Instant signingTime,
            ZoneId appearanceZone) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(switch (spec.level()) {
            case B_B -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_B;
            case B_T -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_T;
            case B_LT -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LT;
            case B_LTA -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LTA;
        });
        common(parameters, spec.hash(), chain, signingTime);
        parameters.setSigningTimeZone(UTC);
        parameters.setAppName("paraaf");
        parameters.setContentSize(spec.level().includesTimestamp()
                ? CONTENT_SIZE_WITH_TIMESTAMP : CONTENT_SIZE_WITHOUT_TIMESTAMP);
        parameters.setReason(spec.reason());
        parameters.setLocation(spec.location());
        parameters.setSignerName(CertificateIdentity.holderName(chain.get(0)));
        if (spec.certification() != null) {
            parameters.setPermission(switch (spec.certification()) {
                case NO_CHANGES -> eu.europa.esig.dss.enumerations.CertificationPermission.NO_CHANGE_PERMITTED;
                case FORM_FILLING_AND_SIGNING ->
                        eu.europa.esig.dss.enumerations.CertificationPermission.MINIMAL_CHANGES_PERMITTED;
                case FORM_FILLING_SIGNING_AND_ANNOTATIONS ->
                        eu.europa.esig.dss.enumerations.CertificationPermission.CHANGES_PERMITTED;
            });
        }
        if (spec.appearance() != null) {
            parameters.setImageParameters(appearance(spec.appearance(), chain.get(0), signingTime, appearanceZone));
        }
        return parameters;
    }

    static XAdESSignatureParameters xades(XadesSignatureSpec spec, List<X509Certificate> chain, Instant signingTime) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(switch (spec.level()) {
            case B_B -> eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_B;
            case B_T -> eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_T;
            case B_LT -> eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_LT;
            case B_LTA -> eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_LTA;
        });
        parameters.setSignaturePackaging(switch (spec.packaging()) {
            case ENVELOPED -> SignaturePackaging.ENVELOPED;
            case DETACHED -> SignaturePackaging.DETACHED;
        });
        common(parameters, spec.hash(), chain, signingTime);
        return parameters;
    }

    static PAdESTimestampParameters documentTimestamp(HashAlgorithm hash) {
        PAdESTimestampParameters parameters = new PAdESTimestampParameters(digest(hash));
        parameters.setAppName("paraaf");
        parameters.setContentSize(CONTENT_SIZE_WITH_TIMESTAMP);
        return parameters;
    }

    private static void common(eu.europa.esig.dss.signature.AbstractSignatureParameters<?> parameters,
            HashAlgorithm hash, List<X509Certificate> chain, Instant signingTime) {
        parameters.setDigestAlgorithm(digest(hash));
        // DSS 6.1+ would pick RSASSA-PSS for RSA keys; eID cards and most tokens sign PKCS#1 v1.5
        parameters.setEncryptionAlgorithm(EncryptionAlgorithm.forKey(chain.get(0).getPublicKey()));
        parameters.setSigningCertificate(new CertificateToken(chain.get(0)));
        parameters.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
        parameters.bLevel().setSigningDate(Date.from(signingTime));
    }

    static DigestAlgorithm digest(HashAlgorithm hash) {
        return switch (hash) {
            case SHA256 -> DigestAlgorithm.SHA256;
            case SHA384 -> DigestAlgorithm.SHA384;
            case SHA512 -> DigestAlgorithm.SHA512;
        };
    }

    private static SignatureImageParameters appearance(VisibleAppearance appearance, X509Certificate signer,
            Instant signingTime, ZoneId zone) {
        SignatureImageParameters image = new SignatureImageParameters();
        SignatureFieldParameters field = new SignatureFieldParameters();
        if (appearance.placement() != null) {
            Placement placement = appearance.placement();
            field.setPage(placement.page());
            field.setOriginX(placement.x());
            field.setOriginY(placement.y());
            field.setWidth(placement.width());
            field.setHeight(placement.height());
        } else {
            field.setFieldId(appearance.fieldName());
        }
        image.setFieldParameters(field);

        String name = appearance.signerName() == null || appearance.signerName().isBlank()
                ? CertificateIdentity.holderName(signer) : appearance.signerName().strip();
        AppearanceLanguage language = appearance.language();
        StringBuilder text = new StringBuilder(language.signedBy()).append(' ').append(name).append('\n')
                .append(APPEARANCE_TIME.format(signingTime.atZone(zone)));
        if (appearance.consentMethod() != null && !appearance.consentMethod().isBlank()) {
            text.append('\n').append(language.with()).append(' ').append(appearance.consentMethod().strip());
        }
        SignatureImageTextParameters textParameters = new SignatureImageTextParameters();
        textParameters.setText(text.toString());
        DSSFileFont font = new DSSFileFont(new InMemoryDocument(FONT));
        font.setEmbedFontSubset(true);
        textParameters.setFont(font);
        textParameters.setTextWrapping(TextWrapping.FILL_BOX);
        textParameters.setTextColor(new Color(20, 30, 60));
        textParameters.setPadding(4);
        image.setTextParameters(textParameters);
        if (appearance.image() != null) {
            image.setImage(new InMemoryDocument(appearance.image()));
            textParameters.setSignerTextPosition(SignerTextPosition.RIGHT);
        }
        return image;
    }

    private static byte[] loadFont() {
        // PDFBox ships Liberation Sans (SIL OFL): covers é, ë, ç, à and € and gets embedded, as PDF/A requires
        try (InputStream in = DssParameters.class.getResourceAsStream(
                "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("Liberation Sans font missing from the PDFBox jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
