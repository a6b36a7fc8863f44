package be.paraaf.validation.legit;

import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.TwoStepFlow;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signers that are not paraaf, writing legitimate signatures a paraaf signature or validation meets later:
 * bare PDFBox + BouncyCastle CMS (PDFBox's incremental signing into an existing field, with a visible appearance
 * built the way PDFBox's visible-signature support builds it: a form XObject with /FormType 1), and bare DSS
 * ({@link PAdESService} with its own defaults and a text appearance).
 */
public final class ForeignWriters {

    private ForeignWriters() {
    }

    /**
     * A visible {@code adbe.pkcs7.detached} signature in the existing empty field {@code fieldName}, signed with the
     * citizen's key, the whole chain in the CMS.
     */
    public static byte[] pdfBoxSign(byte[] pdf, String fieldName, Citizen citizen) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            PDSignatureField field = (PDSignatureField) form.getField(fieldName);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(citizen.chain().get(0).getSubjectX500Principal().getName());
            signature.setReason("Akkoord");
            signature.setSignDate(Calendar.getInstance());
            // PDFBox signs an existing field when the field's /V is the signature dictionary
            field.getCOSObject().setItem(COSName.V, signature);
            SignatureOptions options = new SignatureOptions();
            options.setVisualSignature(new ByteArrayInputStream(visualTemplate(document, widget, "Getekend door "
                    + citizen.chain().get(0).getSubjectX500Principal().getName().replaceAll(",.*", ""))));
            options.setPage(document.getPages().indexOf(widget.getPage()));
            options.setPreferredSignatureSize(32768);
            document.addSignature(signature, content -> cms(content, citizen), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A one-page document holding one signature widget at the field's rectangle, its normal appearance the text
     * {@code line}: what PDFBox's {@link SignatureOptions#setVisualSignature(InputStream)} copies the appearance
     * from (keeping the existing field's rectangle).
     */
    private static byte[] visualTemplate(PDDocument target, PDAnnotationWidget existing, String line)
            throws IOException {
        PDRectangle rectangle = existing.getRectangle();
        try (PDDocument template = new PDDocument()) {
            PDPage page = new PDPage(existing.getPage().getMediaBox());
            template.addPage(page);
            PDAcroForm form = new PDAcroForm(template);
            template.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(rectangle);
            widget.setPage(page);
            page.getAnnotations().add(widget);
            form.getFields().add(field);

            PDAppearanceStream stream = new PDAppearanceStream(template);
            stream.getCOSObject().setInt(COSName.FORMTYPE, 1);
            stream.setBBox(new PDRectangle(rectangle.getWidth(), rectangle.getHeight()));
            PDResources resources = new PDResources();
            stream.setResources(resources);
            try (PDPageContentStream content = new PDPageContentStream(template, stream)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.newLineAtOffset(4, rectangle.getHeight() / 2);
                content.showText(line.replaceAll("[^\\x20-\\x7E]", "?"));
                content.endText();
            }
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            template.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] cms(InputStream content, Citizen citizen) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(jcaAlgorithm(citizen)).build(citizen.signatureKey()),
                            citizen.chain().get(0)));
            generator.addCertificates(new JcaCertStore(citizen.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException(e);
        }
    }

    private static String jcaAlgorithm(Citizen citizen) {
        return "EC".equals(citizen.signatureKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /**
     * Bare DSS, in process: {@link PAdESService} with DSS's defaults, signing in the existing field
     * {@code fieldName} at {@code level} with a text appearance, the data to sign signed with the citizen's key.
     */
    public static byte[] dssSign(byte[] pdf, String fieldName, Citizen citizen, SignatureLevel level,
            CertificateVerifier verifier, TSPSource tsp) {
        PAdESService service = new PAdESService(verifier);
        service.setTspSource(tsp);
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        List<X509Certificate> chain = citizen.chain();
        parameters.setSigningCertificate(new CertificateToken(chain.get(0)));
        parameters.setCertificateChain(chain.stream().skip(1).map(CertificateToken::new).toList());
        parameters.setReason("Akkoord");
        SignatureImageParameters image = new SignatureImageParameters();
        SignatureFieldParameters fieldParameters = new SignatureFieldParameters();
        fieldParameters.setFieldId(fieldName);
        image.setFieldParameters(fieldParameters);
        SignatureImageTextParameters text = new SignatureImageTextParameters();
        text.setText("Signed with DSS by " + chain.get(0).getSubjectX500Principal().getName().replaceAll(",.*", ""));
        image.setTextParameters(text);
        parameters.setImageParameters(image);

        DSSDocument document = new InMemoryDocument(pdf, "document.pdf");
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        byte[] value = TwoStepFlow.sign(toBeSigned.getBytes(), jcaAlgorithm(citizen), citizen.signatureKey());
        DSSDocument signed = service.signDocument(document, parameters, new SignatureValue(
                eu.europa.esig.dss.enumerations.SignatureAlgorithm.forJAVA(jcaAlgorithm(citizen)), value));
        try (InputStream in = signed.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
