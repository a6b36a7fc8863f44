package be.paraaf.demo.pki;

import static be.paraaf.demo.pki.SharedDemoPki.BASE_URL;
import static be.paraaf.demo.pki.SharedDemoPki.JAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.paraaf.system.InvalidInputException;
import be.paraaf.system.NotFoundException;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPkiTest {

    private final DemoPki pki = SharedDemoPki.get();

    @Test
    void secondOpenLoadsTheSameKeysCertificatesAndSerials(@TempDir Path dir) throws Exception {
        DemoPki first = DemoPki.openOrCreate(dir, BASE_URL, PkiSettings.defaults());
        BigInteger citizenSerial = first.certifyCitizen(JAN, rsaKey(), CitizenKeyPurpose.SIGNATURE).get(0)
                .getSerialNumber();

        DemoPki second = DemoPki.openOrCreate(dir, BASE_URL, PkiSettings.defaults());

        for (CaId ca : CaId.values()) {
            assertThat(second.caCertificate(ca)).isEqualTo(first.caCertificate(ca));
            assertThat(second.ocspResponderCertificate(ca)).isEqualTo(first.ocspResponderCertificate(ca));
        }
        assertThat(second.tsaChain()).isEqualTo(first.tsaChain());
        assertThat(second.seal().privateKey()).isEqualTo(first.seal().privateKey());
        assertThat(second.issuedCertificates()).isEqualTo(first.issuedCertificates());
        assertThat(second.issuedCertificate(citizenSerial).subject()).contains("Jan Peeters (Signature)");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .contains("keystore.p12", "index.tsv").noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void wrongKeystorePasswordFailsClearly(@TempDir Path dir) {
        DemoPki.openOrCreate(dir, BASE_URL, PkiSettings.defaults());

        assertThatThrownBy(() -> DemoPki.openOrCreate(dir, BASE_URL, PkiSettings.defaults().withKeystorePassword("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keystore-password");
    }

    @Test
    void hierarchyHasRootAndTwoIssuingCasWithPathLengthZero() throws Exception {
        X509Certificate root = pki.rootCertificate();
        assertThat(root.getSubjectX500Principal().getName()).isEqualTo("CN=paraaf Demo Root CA,O=paraaf,C=BE");
        root.verify(root.getPublicKey());
        assertThat(pki.trustAnchors()).containsExactly(root);
        for (CaId ca : List.of(CaId.CITIZEN, CaId.REMOTE_SIGNING)) {
            X509Certificate certificate = pki.caCertificate(ca);
            certificate.verify(root.getPublicKey());
            assertThat(certificate.getBasicConstraints()).isZero();
            assertThat(certificate.getKeyUsage()[5]).as("keyCertSign").isTrue();
            assertThat(certificate.getKeyUsage()[6]).as("cRLSign").isTrue();
            assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        }
        assertThat(pki.caCertificate(CaId.CITIZEN).getSubjectX500Principal().getName())
                .isEqualTo("CN=paraaf Demo Citizen CA,O=paraaf,C=BE");
    }

    @Test
    void tsaCertificateIsForTimeStampingOnly() throws Exception {
        X509Certificate tsa = pki.tsaChain().get(0);
        assertThat(tsa.getSubjectX500Principal().getName()).startsWith("CN=paraaf Demo TSA");
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.getCriticalExtensionOIDs()).contains(Extension.extendedKeyUsage.getId());
        assertThat(tsa.getKeyUsage()[0]).isTrue();
        tsa.verify(pki.rootCertificate().getPublicKey());
    }

    @Test
    void ocspRespondersAreDelegatedByTheirOwnCa() throws Exception {
        for (CaId ca : CaId.values()) {
            X509Certificate responder = pki.ocspResponderCertificate(ca);
            responder.verify(pki.caCertificate(ca).getPublicKey());
            assertThat(responder.getIssuerX500Principal()).isEqualTo(pki.caCertificate(ca).getSubjectX500Principal());
            assertThat(responder.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.9");
            assertThat(responder.getExtensionValue("1.3.6.1.5.5.7.48.1.5")).as("ocsp-nocheck").isNotNull();
        }
    }

    @Test
    void sealCertificateIsForNonRepudiation() {
        X509Certificate seal = pki.seal().certificate();
        assertThat(seal.getSubjectX500Principal().getName()).isEqualTo("CN=paraaf Seal,O=paraaf,C=BE");
        assertThat(seal.getKeyUsage()[0]).isTrue();
        assertThat(seal.getKeyUsage()[1]).isTrue();
        assertThat(pki.seal().chain()).endsWith(pki.rootCertificate());
    }

    @Test
    void citizenSignatureCertificateLooksLikeAnEidCertificate() throws Exception {
        List<X509Certificate> chain = pki.certifyCitizen(JAN, rsaKey(), CitizenKeyPurpose.SIGNATURE);
        X509Certificate certificate = chain.get(0);

        assertThat(chain.subList(1, 3)).containsExactly(pki.caCertificate(CaId.CITIZEN), pki.rootCertificate());
        certificate.verify(pki.caCertificate(CaId.CITIZEN).getPublicKey());
        X509CertificateHolder holder = new X509CertificateHolder(certificate.getEncoded());
        assertThat(holder.getSubject().toString()).isEqualTo(
                "C=BE,CN=Jan Peeters (Signature),SURNAME=Peeters,GIVENNAME=Jan,SERIALNUMBER=85073003328");
        assertThat(certificate.getKeyUsage()).startsWith(false, true);
        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64);
        assertThat(certificate.getExtensionValue("1.3.6.1.5.5.7.1.3")).as("no QC statements").isNull();

        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(holder.getExtensions());
        assertThat(aia.getAccessDescriptions()).extracting(d -> d.getAccessMethod().getId() + " "
                + d.getAccessLocation().getName()).containsExactlyInAnyOrder(
                AccessDescription.id_ad_caIssuers.getId() + " " + BASE_URL + "/pki/ca/citizen.crt",
                AccessDescription.id_ad_ocsp.getId() + " " + BASE_URL + "/pki/ocsp");
        CRLDistPoint cdp = CRLDistPoint.fromExtensions(holder.getExtensions());
        GeneralName crlName = GeneralNames.getInstance(cdp.getDistributionPoints()[0].getDistributionPoint()
                .getName()).getNames()[0];
        assertThat(crlName.getName().toString()).isEqualTo(BASE_URL + "/pki/crl/citizen.crl");

        byte[] issuerSki = SubjectKeyIdentifier.fromExtensions(new X509CertificateHolder(
                pki.caCertificate(CaId.CITIZEN).getEncoded()).getExtensions()).getKeyIdentifier();
        assertThat(AuthorityKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifier())
                .isEqualTo(issuerSki);
        assertThat(SubjectKeyIdentifier.fromExtensions(holder.getExtensions())).isNotNull();

        IssuedCertificate entry = pki.issuedCertificate(certificate.getSerialNumber());
        assertThat(entry.issuer()).isEqualTo(CaId.CITIZEN);
        assertThat(entry.status()).isEqualTo(CertificateStatus.GOOD);
        assertThat(entry.subject()).isEqualTo(
                "SERIALNUMBER=85073003328,GIVENNAME=Jan,SURNAME=Peeters,CN=Jan Peeters (Signature),C=BE");
    }

    @Test
    void citizenAuthenticationCertificateHasDigitalSignatureUsage() throws Exception {
        X509Certificate certificate = pki.certifyCitizen(JAN, rsaKey(), CitizenKeyPurpose.AUTHENTICATION).get(0);

        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=Jan Peeters (Authentication)");
        assertThat(certificate.getKeyUsage()).startsWith(true, false);
    }

    @Test
    void remoteSigningCertifiesAnEcP256KeyUnderTheRemoteSigningCa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();

        List<X509Certificate> chain = pki.certifyRemoteSigning(JAN, keys.getPublic());

        assertThat(chain.get(0).getPublicKey()).isEqualTo(keys.getPublic());
        chain.get(0).verify(pki.caCertificate(CaId.REMOTE_SIGNING).getPublicKey());
        assertThat(chain.get(0).getSubjectX500Principal().getName()).contains("CN=Jan Peeters (Signature)");
        assertThat(pki.issuedCertificate(chain.get(0).getSerialNumber()).issuer()).isEqualTo(CaId.REMOTE_SIGNING);
    }

    @Test
    void weakOrOddPublicKeysAreRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));

        assertThatThrownBy(() -> pki.certifyRemoteSigning(JAN, rsa.generateKeyPair().getPublic()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> pki.certifyRemoteSigning(JAN, ec.generateKeyPair().getPublic()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void citizenCredentialIsAPkcs12WithSignatureAndAuthenticationAliases() throws Exception {
        CitizenCredential credential = pki.issueCitizenCredential(JAN, "1234".toCharArray());

        KeyStore store = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
        store.load(new ByteArrayInputStream(credential.pkcs12()), "1234".toCharArray());
        assertThat(Collections.list(store.aliases())).containsExactlyInAnyOrder("Signature", "Authentication");
        X509Certificate signature = (X509Certificate) store.getCertificate("Signature");
        assertThat(signature.getSerialNumber()).isEqualTo(credential.signatureSerial());
        assertThat(store.getCertificateChain("Signature")).hasSize(3);
        assertThat(store.getCertificateChain("Authentication")[0]).extracting(c -> ((X509Certificate) c)
                .getSerialNumber()).isEqualTo(credential.authenticationSerial());
        assertThat(store.getKey("Signature", "1234".toCharArray())).isNotNull();

        KeyStore jdk = KeyStore.getInstance("PKCS12");
        jdk.load(new ByteArrayInputStream(credential.pkcs12()), "1234".toCharArray());
        assertThat(jdk.size()).isEqualTo(2);
    }

    @Test
    void revokingAnUnknownSerialIsNotFound() {
        assertThatThrownBy(() -> pki.revoke(BigInteger.valueOf(42), RevocationReason.KEY_COMPROMISE))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("2a");
        assertThatThrownBy(() -> pki.issuedCertificate(BigInteger.valueOf(42))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void revokingTwiceIsRefusedAndKeepsTheFirstReason() throws Exception {
        BigInteger serial = pki.certifyCitizen(JAN, rsaKey(), CitizenKeyPurpose.SIGNATURE).get(0).getSerialNumber();
        pki.revoke(serial, RevocationReason.KEY_COMPROMISE);

        assertThatThrownBy(() -> pki.revoke(serial, RevocationReason.SUPERSEDED))
                .isInstanceOf(InvalidInputException.class);
        assertThat(pki.issuedCertificate(serial).revocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
    }

    @Test
    void aRevocationByAnotherProcessIsSeenByTheRunningPki(@TempDir Path dir) throws Exception {
        DemoPki server = DemoPki.openOrCreate(dir, BASE_URL, PkiSettings.defaults());
        BigInteger serial = server.certifyCitizen(JAN, rsaKey(), CitizenKeyPurpose.SIGNATURE).get(0)
                .getSerialNumber();

        DemoPki cli = DemoPki.openOrCreate(dir, BASE_URL, PkiSettings.defaults());
        cli.revoke(serial, RevocationReason.CESSATION_OF_OPERATION);

        assertThat(server.issuedCertificate(serial).revoked()).isTrue();
        assertThat(server.issuedCertificate(serial).revocationReason())
                .isEqualTo(RevocationReason.CESSATION_OF_OPERATION);
    }

    @Test
    void crlListsTheRevokedSerialWithItsReasonAndVerifies() throws Exception {
        BigInteger serial = pki.certifyCitizen(JAN, rsaKey(), CitizenKeyPurpose.SIGNATURE).get(0).getSerialNumber();
        pki.revoke(serial, RevocationReason.KEY_COMPROMISE);

        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(pki.crl(CaId.CITIZEN)));

        crl.verify(pki.caCertificate(CaId.CITIZEN).getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(pki.caCertificate(CaId.CITIZEN).getSubjectX500Principal());
        assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());
        X509CRLEntry entry = crl.getRevokedCertificate(serial);
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(crl.getExtensionValue(Extension.cRLNumber.getId())).isNotNull();
        assertThat(crl.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
        X509CRL rootCrl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(pki.crl(CaId.ROOT)));
        assertThat(rootCrl.getRevokedCertificate(serial)).isNull();
    }

    @Test
    void exportWritesDerAndPemOfThePublicCertificates(@TempDir Path out) throws Exception {
        List<Path> files = pki.exportPublicCertificates(out);

        assertThat(files).hasSize(10);
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(out.resolve("paraaf-demo-root-ca.pem")));
        assertThat(root).isEqualTo(pki.rootCertificate());
        assertThat(Files.readAllBytes(out.resolve("paraaf-demo-tsa.crt"))).isEqualTo(pki.tsaChain().get(0).getEncoded());
    }

    static java.security.PublicKey rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPublic();
    }
}
