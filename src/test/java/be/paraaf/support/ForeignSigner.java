package be.paraaf.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs PDFs the way many non-DSS tools do (PDFBox + a plain CMS, {@code adbe.pkcs7.detached}) with a
 * self-signed certificate nobody trusts: a "foreign" signature paraaf must read but not vouch for.
 */
public final class ForeignSigner {

    private final PrivateKey key;
    private final X509Certificate certificate;

    /** The committed untrusted signer of {@code certs/untrusted-signer.p12} (see certs/README.md). */
    public ForeignSigner() {
        try (InputStream in = Files.newInputStream(Path.of("certs/untrusted-signer.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = "untrusted".toCharArray();
            store.load(in, password);
            key = (PrivateKey) store.getKey("signer", password);
            certificate = (X509Certificate) store.getCertificate("signer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another foreign signer, with a key and certificate the test made itself. */
    public ForeignSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** An incremental update adding an invisible signature over the whole file. */
    public byte[] sign(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName("Foreign Signer");
            signature.setSignDate(Calendar.getInstance());
            document.addSignature(signature, this::cms);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] cms(InputStream content) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key);
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).build(signer, certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.cms.CMSException e) {
            throw new IOException(e);
        }
    }
}
