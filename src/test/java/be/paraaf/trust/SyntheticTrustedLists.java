package be.paraaf.trust;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.KeyStoreSignatureTokenConnection;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.europa.esig.dss.xades.tsl.TrustedListV6SignatureParametersBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Writes a small, schema-valid EU trusted-list world (ETSI TS 119 612, TSL version 6) to a directory:
 * a list of trusted lists (LOTL) that announces its own signer and points, by {@code file:} URLs, at
 * national trusted lists, each listing one CA/QC service with status "granted". Every list is signed
 * with an enveloped XAdES signature by a key generated here; the LOTL signer's certificate is written
 * to a PKCS#12 file for {@code paraaf.trust.trusted-lists.lotl-signing-certificates}.
 */
final class SyntheticTrustedLists {

    static final String KEYSTORE_PASSWORD = "lotl-signers";

    private static final String TSL_TYPE = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/";
    private static final String MIME_TYPE = "application/vnd.etsi.tsl+xml";
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** One national trusted list: a country, the certificate its one service is identified by, and its fate. */
    record NationalList(String territory, X509Certificate serviceCertificate, boolean breakSignatureAfterSigning) {
    }

    /** What the service needs to be configured with. */
    record Setup(Path lotl, Path lotlSigningCertificates) {

        String lotlUrl() {
            return lotl.toUri().toString();
        }
    }

    private SyntheticTrustedLists() {
    }

    static Setup write(Path directory, List<NationalList> nationalLists) {
        Instant now = Instant.now();
        Signer lotlSigner = Signer.generate("CN=Synthetic LOTL signer, O=paraaf tests, C=EU");
        StringBuilder pointers = new StringBuilder();
        Path lotl = directory.resolve("lotl.xml");
        pointers.append(pointer(lotlSigner.certificate(), lotl.toUri().toString(), "EUlistofthelists", "EU",
                "European Commission"));
        for (NationalList national : nationalLists) {
            Signer tlSigner = Signer.generate("CN=Synthetic " + national.territory() + " TL signer, O=paraaf tests, C="
                    + national.territory());
            Path tl = directory.resolve("tl-" + national.territory().toLowerCase() + ".xml");
            byte[] signed = tlSigner.sign(nationalList(national, now));
            write(tl, national.breakSignatureAfterSigning() ? flipOneContentByte(signed) : signed);
            pointers.append(pointer(tlSigner.certificate(), tl.toUri().toString(), "EUgeneric", national.territory(),
                    "Supervisory body of " + national.territory()));
        }
        write(lotl, lotlSigner.sign(listOfTrustedLists(pointers.toString(), now)));
        Path keyStore = directory.resolve("lotl-signing-certificates.p12");
        write(keyStore, certificateStore(lotlSigner.certificate()));
        return new Setup(lotl, keyStore);
    }

    /** A self-signed certificate with its key, e.g. for a second foreign signer. */
    static Signer newSigner(String subject) {
        return Signer.generate(subject);
    }

    private static String listOfTrustedLists(String pointers, Instant now) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#" \
                xmlns:tsl="http://uri.etsi.org/02231/v2/additionaltypes#" \
                Id="lotl" TSLTag="http://uri.etsi.org/19612/TSLTag">
                  <SchemeInformation>
                    <TSLVersionIdentifier>6</TSLVersionIdentifier>
                    <TSLSequenceNumber>1</TSLSequenceNumber>
                    <TSLType>%1$sEUlistofthelists</TSLType>
                    %2$s
                    <SchemeName><Name xml:lang="en">EU: synthetic list of trusted lists for paraaf tests</Name></SchemeName>
                    <SchemeInformationURI><URI xml:lang="en">https://paraaf.example/lotl</URI></SchemeInformationURI>
                    <StatusDeterminationApproach>http://uri.etsi.org/TrstSvc/TrustedList/StatusDetn/EUlistofthelists</StatusDeterminationApproach>
                    <SchemeTypeCommunityRules>
                      <URI xml:lang="en">http://uri.etsi.org/TrstSvc/TrustedList/schemerules/EUlistofthelists</URI>
                    </SchemeTypeCommunityRules>
                    <SchemeTerritory>EU</SchemeTerritory>
                    <PolicyOrLegalNotice><TSLLegalNotice xml:lang="en">Test data, trusted by nobody.</TSLLegalNotice></PolicyOrLegalNotice>
                    <HistoricalInformationPeriod>65535</HistoricalInformationPeriod>
                    <PointersToOtherTSL>
                %3$s    </PointersToOtherTSL>
                    <ListIssueDateTime>%4$s</ListIssueDateTime>
                    <NextUpdate><dateTime>%5$s</dateTime></NextUpdate>
                  </SchemeInformation>
                </TrustServiceStatusList>
                """.formatted(TSL_TYPE, operator("European Commission", "EU"), pointers, issued(now), nextUpdate(now));
    }

    private static String nationalList(NationalList national, Instant now) {
        String territory = national.territory();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#" \
                xmlns:ext="http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#" \
                Id="tl-%2$s" TSLTag="http://uri.etsi.org/19612/TSLTag">
                  <SchemeInformation>
                    <TSLVersionIdentifier>6</TSLVersionIdentifier>
                    <TSLSequenceNumber>1</TSLSequenceNumber>
                    <TSLType>%1$sEUgeneric</TSLType>
                    %3$s
                    <SchemeName><Name xml:lang="en">%2$s: synthetic trusted list for paraaf tests</Name></SchemeName>
                    <SchemeInformationURI><URI xml:lang="en">https://paraaf.example/tl/%2$s</URI></SchemeInformationURI>
                    <StatusDeterminationApproach>http://uri.etsi.org/TrstSvc/TrustedList/StatusDetn/EUappropriate</StatusDeterminationApproach>
                    <SchemeTypeCommunityRules>
                      <URI xml:lang="en">http://uri.etsi.org/TrstSvc/TrustedList/schemerules/EUcommon</URI>
                    </SchemeTypeCommunityRules>
                    <SchemeTerritory>%2$s</SchemeTerritory>
                    <PolicyOrLegalNotice><TSLLegalNotice xml:lang="en">Test data, trusted by nobody.</TSLLegalNotice></PolicyOrLegalNotice>
                    <HistoricalInformationPeriod>65535</HistoricalInformationPeriod>
                    <ListIssueDateTime>%4$s</ListIssueDateTime>
                    <NextUpdate><dateTime>%5$s</dateTime></NextUpdate>
                  </SchemeInformation>
                  <TrustServiceProviderList>
                    <TrustServiceProvider>
                      <TSPInformation>
                        <TSPName><Name xml:lang="en">Synthetic QTSP %2$s</Name></TSPName>
                        <TSPAddress>
                          <PostalAddresses>
                            <PostalAddress xml:lang="en">
                              <StreetAddress>Teststraat 1</StreetAddress>
                              <Locality>Brussel</Locality>
                              <PostalCode>1000</PostalCode>
                              <CountryName>%2$s</CountryName>
                            </PostalAddress>
                          </PostalAddresses>
                          <ElectronicAddress><URI xml:lang="en">mailto:qtsp@paraaf.example</URI></ElectronicAddress>
                        </TSPAddress>
                        <TSPInformationURI><URI xml:lang="en">https://paraaf.example/qtsp</URI></TSPInformationURI>
                      </TSPInformation>
                      <TSPServices>
                        <TSPService>
                          <ServiceInformation>
                            <ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier>
                            <ServiceName><Name xml:lang="en">Synthetic qualified CA %2$s</Name></ServiceName>
                            <ServiceDigitalIdentity>
                              <DigitalId><X509Certificate>%6$s</X509Certificate></DigitalId>
                            </ServiceDigitalIdentity>
                            <ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</ServiceStatus>
                            <StatusStartingTime>2020-01-01T00:00:00Z</StatusStartingTime>
                            <ServiceInformationExtensions>
                              <Extension Critical="true">
                                <ext:Qualifications>
                                  <ext:QualificationElement>
                                    <ext:Qualifiers>
                                      <ext:Qualifier uri="%7$sQCStatement"/>
                                      <ext:Qualifier uri="%7$sQCForESig"/>
                                      <ext:Qualifier uri="%7$sQCWithQSCD"/>
                                    </ext:Qualifiers>
                                    <ext:CriteriaList assert="none">
                                      <ext:PolicySet>
                                        <ext:PolicyIdentifier><xades:Identifier \
                xmlns:xades="http://uri.etsi.org/01903/v1.3.2#">1.3.6.1.4.1.99999.1</xades:Identifier></ext:PolicyIdentifier>
                                      </ext:PolicySet>
                                    </ext:CriteriaList>
                                  </ext:QualificationElement>
                                </ext:Qualifications>
                              </Extension>
                              <Extension Critical="false">
                                <AdditionalServiceInformation>
                                  <URI xml:lang="en">http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures</URI>
                                </AdditionalServiceInformation>
                              </Extension>
                            </ServiceInformationExtensions>
                          </ServiceInformation>
                        </TSPService>
                      </TSPServices>
                    </TrustServiceProvider>
                  </TrustServiceProviderList>
                </TrustServiceStatusList>
                """.formatted(TSL_TYPE, territory, operator("Supervisory body of " + territory, territory), issued(now),
                nextUpdate(now), base64(national.serviceCertificate()),
                "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/");
    }

    private static String operator(String name, String country) {
        return """
                <SchemeOperatorName><Name xml:lang="en">%1$s</Name></SchemeOperatorName>
                    <SchemeOperatorAddress>
                      <PostalAddresses>
                        <PostalAddress xml:lang="en">
                          <StreetAddress>Wetstraat 1</StreetAddress>
                          <Locality>Brussel</Locality>
                          <PostalCode>1000</PostalCode>
                          <CountryName>%2$s</CountryName>
                        </PostalAddress>
                      </PostalAddresses>
                      <ElectronicAddress><URI xml:lang="en">mailto:tlso@paraaf.example</URI></ElectronicAddress>
                    </SchemeOperatorAddress>""".formatted(name, country);
    }

    private static String pointer(X509Certificate signer, String location, String type, String territory,
            String operatorName) {
        return """
                      <OtherTSLPointer>
                        <ServiceDigitalIdentities>
                          <ServiceDigitalIdentity>
                            <DigitalId><X509Certificate>%1$s</X509Certificate></DigitalId>
                          </ServiceDigitalIdentity>
                        </ServiceDigitalIdentities>
                        <TSLLocation>%2$s</TSLLocation>
                        <AdditionalInformation>
                          <OtherInformation><TSLType>%3$s%4$s</TSLType></OtherInformation>
                          <OtherInformation><SchemeTerritory>%5$s</SchemeTerritory></OtherInformation>
                          <OtherInformation><tsl:MimeType>%6$s</tsl:MimeType></OtherInformation>
                          <OtherInformation>
                            <SchemeOperatorName><Name xml:lang="en">%7$s</Name></SchemeOperatorName>
                          </OtherInformation>
                        </AdditionalInformation>
                      </OtherTSLPointer>
                """.formatted(base64(signer), location, TSL_TYPE, type, territory, MIME_TYPE, operatorName);
    }

    /** Changes one character of signed content (a name inside the list), leaving the XML well-formed. */
    private static byte[] flipOneContentByte(byte[] signedXml) {
        String xml = new String(signedXml, StandardCharsets.UTF_8);
        int at = xml.indexOf("Synthetic QTSP");
        if (at < 0) {
            throw new IllegalStateException("no content to break");
        }
        byte[] broken = signedXml.clone();
        broken[xml.substring(0, at).getBytes(StandardCharsets.UTF_8).length] = 'Z'; // "Synthetic" → "Zynthetic"
        return broken;
    }

    private static String issued(Instant now) {
        return now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String nextUpdate(Instant now) {
        return now.plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] certificateStore(X509Certificate certificate) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("lotl-signer", certificate);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, KEYSTORE_PASSWORD.toCharArray());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path path, byte[] content) {
        try (OutputStream out = Files.newOutputStream(path)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generated RSA key with a self-signed certificate that signs trusted lists. */
    record Signer(KeyPair keys, X509Certificate certificate) {

        static Signer generate(String subject) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair keys = generator.generateKeyPair();
                Instant now = Instant.now();
                X500Name name = new X500Name(subject);
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                        BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                        Date.from(now.plus(365, ChronoUnit.DAYS)), name, keys.getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
                return new Signer(keys, certificate);
            } catch (GeneralSecurityException | OperatorException | IOException e) {
                throw new IllegalStateException("cannot generate a test signer", e);
            }
        }

        /** Signs a trusted list with an enveloped XAdES-B-B signature as ETSI TS 119 612 (v6) asks. */
        byte[] sign(String unsignedXml) {
            DSSDocument document = new InMemoryDocument(unsignedXml.getBytes(StandardCharsets.UTF_8), "tl.xml");
            TrustedListV6SignatureParametersBuilder builder = new TrustedListV6SignatureParametersBuilder(
                    new CertificateToken(certificate), document);
            builder.setDigestAlgorithm(DigestAlgorithm.SHA256);
            builder.setEncryptionAlgorithm(EncryptionAlgorithm.RSA);
            builder.assertConfigurationIsValid(); // schema and TS 119 612 checks, before signing
            XAdESSignatureParameters parameters = builder.build();
            XAdESService service = new XAdESService(new CommonCertificateVerifier());
            try (KeyStoreSignatureTokenConnection token = new KeyStoreSignatureTokenConnection(keyStore(), "PKCS12",
                    new KeyStore.PasswordProtection("signer".toCharArray()))) {
                ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
                SignatureValue value = token.sign(toBeSigned, parameters.getSignatureAlgorithm(), token.getKeys().get(0));
                return DSSUtils.toByteArray(service.signDocument(document, parameters, value));
            }
        }

        private byte[] keyStore() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("signer", keys.getPrivate(), "signer".toCharArray(), new Certificate[] {certificate});
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                store.store(out, "signer".toCharArray());
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
