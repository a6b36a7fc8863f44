package be.paraaf.validation.attacks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
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
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The attacker's own signing tool: PDFBox incremental saving and a plain BouncyCastle CMS made with a key the
 * service trusts (a demo citizen's), for the attacks that need a signature paraaf would never make itself
 * (a sneaky visible signature, a second certification, a byte range that stops short).
 */
final class AttackerSigner {

    /** A visible appearance: an opaque white box with text, at {@code rect} on page {@code page} (0-based). */
    record Appearance(int page, PDRectangle rect, String text) {
    }

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    AttackerSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = chain;
    }

    /**
     * Signs {@code pdf} in an incremental update: into {@code fieldName} if it exists, else a new field;
     * visible with {@code appearance} if not null; a certification with DocMDP {@code certifyP} if positive.
     */
    byte[] sign(byte[] pdf, String fieldName, Appearance appearance, int certifyP) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(chain.get(0).getSubjectX500Principal().getName());
            signature.setSignDate(Calendar.getInstance());
            if (certifyP > 0) {
                certify(document, signature, certifyP);
            }
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            PDSignatureField field = form == null ? null : (PDSignatureField) form.getFields().stream()
                    .filter(f -> f instanceof PDSignatureField && f.getFullyQualifiedName().equals(fieldName))
                    .findFirst().orElse(null);
            if (field == null && (appearance != null || fieldName != null)) {
                field = newField(document, fieldName);
            }
            PDAnnotationWidget widget = null;
            if (field != null) {
                field.getCOSObject().setItem(COSName.V, signature);
                widget = field.getWidgets().get(0);
                field.getCOSObject().setNeedToBeUpdated(true);
                widget.getCOSObject().setNeedToBeUpdated(true);
            }
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(20_000);
            document.addSignature(signature, this::cms, options);
            if (widget != null && appearance != null) {
                // after addSignature: without a visual template PDFBox resets the widget to an invisible one
                appear(document, widget, appearance);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDSignatureField newField(PDDocument document, String name) throws IOException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
        }
        PDSignatureField field = new PDSignatureField(form);
        field.setPartialName(name);
        form.getFields().add(field);
        form.getCOSObject().setNeedToBeUpdated(true);
        COSBaseUpdates.mark(form.getCOSObject().getDictionaryObject(COSName.FIELDS));
        document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        return field;
    }

    private static void appear(PDDocument document, PDAnnotationWidget widget, Appearance appearance)
            throws IOException {
        PDPage page = document.getPage(appearance.page());
        widget.setRectangle(appearance.rect());
        widget.setPage(page);
        widget.setPrinted(true);
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle(appearance.rect().getWidth(), appearance.rect().getHeight()));
        PDResources resources = new PDResources();
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        resources.put(COSName.getPDFName("F1"), font);
        stream.setResources(resources);
        try (PDPageContentStream content = new PDPageContentStream(document, stream)) {
            content.setNonStrokingColor(1f, 1f, 1f);
            content.addRect(0, 0, appearance.rect().getWidth(), appearance.rect().getHeight());
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
            content.beginText();
            content.setFont(font, 11);
            content.newLineAtOffset(4, appearance.rect().getHeight() / 2 - 4);
            content.showText(appearance.text());
            content.endText();
        }
        PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
        dictionary.setNormalAppearance(stream);
        widget.setAppearance(dictionary);
        if (!page.getAnnotations().contains(widget)) {
            page.getAnnotations().add(widget);
        }
        page.getCOSObject().setNeedToBeUpdated(true);
        COSBaseUpdates.mark(page.getCOSObject().getDictionaryObject(COSName.ANNOTS));
    }

    private static void certify(PDDocument document, PDSignature signature, int p) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setInt(COSName.P, p);
        params.setName(COSName.V, "1.2");
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(COSName.getPDFName("TransformMethod"), COSName.DOCMDP);
        reference.setItem(COSName.getPDFName("TransformParams"), params);
        COSArray references = new COSArray();
        references.add(reference);
        signature.getCOSObject().setItem(COSName.getPDFName("Reference"), references);
        COSDictionary perms = new COSDictionary();
        perms.setItem(COSName.DOCMDP, signature);
        document.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, perms);
        document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
    }

    /** A detached CMS over {@code content} with the signing-certificate-v2 attribute and the whole chain. */
    byte[] cms(InputStream content) throws IOException {
        return cms(content.readAllBytes());
    }

    byte[] cms(byte[] content) {
        try {
            String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(chain.get(0).getEncoded());
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certificateHash)}))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(algorithm).build(key), chain.get(0)));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.cms.CMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rewrites the last signature of {@code pdf} in place: its /ByteRange text becomes {@code range} (padded to
     * the same length) and its /Contents a fresh CMS over exactly those bytes. No offset moves.
     */
    byte[] resign(byte[] pdf, long[] range) {
        PdfBytes.ByteRange old = PdfBytes.lastByteRange(pdf);
        int end = old.textEnd();
        while (pdf[end] == ' ') {
            end++;
        }
        String text = "/ByteRange [" + range[0] + " " + range[1] + " " + range[2] + " " + range[3] + "]";
        byte[] patched = PdfBytes.patch(pdf, old.textStart(), PdfBytes.padded(text, end - old.textStart()));
        byte[] cms = cms(PdfBytes.signedBytes(patched, range));
        String hex = HexFormat.of().formatHex(cms);
        int gapLength = (int) (old.gapEnd() - old.gapStart()) - 2;
        String contents = hex + "0".repeat(gapLength - hex.length());
        return PdfBytes.patch(patched, (int) old.gapStart() + 1, PdfBytes.ascii(contents));
    }
}
