package be.paraaf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.support.ExternalTool;
import be.paraaf.support.ServiceClient.Citizen;
import be.paraaf.support.ServiceIT;
import be.paraaf.support.TwoStepFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * XML signatures signed by an independent signer (xmlsec1) over part of a document: the verdict says the
 * signature covers only part of it, and a change to the unsigned part is not VALID; paraaf's own XAdES
 * (whole document, enveloped) passes xmlsec1's verification and covers the whole document.
 */
class XmlSignatureScopeIT extends ServiceIT {

    private static final TwoStepFlow FLOW = new TwoStepFlow(CLIENT);
    private static final String ORDER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <order>
              <payment Id="payment">Pay 1000 EUR to BE71 0961 2345 6769</payment>
              <note>Delivery on 1 January</note>
              <Signature xmlns="http://www.w3.org/2000/09/xmldsig#">
                <SignedInfo>
                  <CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
                  <SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
                  <Reference URI="%s">
                    <Transforms>%s<Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></Transforms>
                    <DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
                    <DigestValue/>
                  </Reference>
                </SignedInfo>
                <SignatureValue/>
                <KeyInfo><X509Data><X509Certificate/></X509Data></KeyInfo>
              </Signature>
            </order>
            """;
    private static final String ENVELOPED = "<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>";

    @Test
    void signatureOverOneElementIsReportedAsPartial_andAChangeOutsideItIsNotValid() {
        Citizen signer = signer();
        byte[] partial = xmlsecSign(ORDER.formatted("#payment", ""), signer);

        JsonNode validation = FLOW.validate(partial, "order.xml");
        JsonNode signature = validation.get("signatures").get(0);
        assertThat(signature.get("coversWholeDocument").asBoolean()).as(validation.toString()).isFalse();
        assertThat(codes(signature)).contains("NOT_WHOLE_DOCUMENT");
        assertThat(validation.get("verdict").asString()).isNotIn("VALID", "VALID_WITH_ALLOWED_CHANGES");

        byte[] changed = new String(partial, StandardCharsets.UTF_8).replace("1 January", "1 December")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode afterChange = FLOW.validate(changed, "order-changed.xml");
        assertThat(afterChange.get("verdict").asString()).isNotIn("VALID", "VALID_WITH_ALLOWED_CHANGES");
        assertThat(afterChange.get("signatures").get(0).get("adesVerdict").asString())
                .as("the signed element itself is intact").isNotEqualTo("INVALID");
    }

    @Test
    void wholeDocumentSignatureByAnotherSignerCoversTheWholeDocument() {
        byte[] whole = xmlsecSign(ORDER.formatted("", ENVELOPED), signer());

        JsonNode signature = FLOW.validate(whole, "order.xml").get("signatures").get(0);
        assertThat(signature.get("coversWholeDocument").asBoolean()).as(signature.toString()).isTrue();
        assertThat(codes(signature)).doesNotContain("NOT_WHOLE_DOCUMENT");
        assertThat(signature.get("verdict").asString()).isIn("VALID", "INDETERMINATE");
    }

    @Test
    void paraafXadesIsAcceptedByXmlsec1() {
        Citizen signer = signer();
        byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><order><payment>1000 EUR</payment></order>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] signed = FLOW.complete(FLOW.prepare("/api/signatures/xades/prepare", "order.xml", "application/xml",
                xml, signer.chain(), Map.of("level", "B-B", "packaging", "ENVELOPED")), signer.signatureKey());

        JsonNode signature = FLOW.validate(signed, "order-signed.xml").get("signatures").get(0);
        assertThat(signature.get("coversWholeDocument").asBoolean()).isTrue();
        assertThat(signature.get("verdict").asString()).isEqualTo("VALID");

        Path directory = temporaryDirectory("xmlsec-verify-");
        ExternalTool.Result result = xmlsec1(directory, List.of("--verify", "--trusted-pem",
                pem(directory, "root.pem", signer.chain().get(signer.chain().size() - 1)).toString(),
                "--untrusted-pem", pem(directory, "ca.pem", signer.chain().get(1)).toString(),
                "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties",
                write(directory, "signed.xml", signed).toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("OK");
    }

    private static Citizen signer() {
        return CLIENT.issueCitizen("Lien", "Wouters", NationalRegisterNumber.withCheck("920315108", false).value());
    }

    private static byte[] xmlsecSign(String template, Citizen signer) {
        Path directory = temporaryDirectory("xmlsec-sign-");
        Path key = write(directory, "key.pem", ("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(signer.signatureKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII));
        Path certificate = pem(directory, "cert.pem", signer.chain().get(0));
        Path input = write(directory, "template.xml", template.getBytes(StandardCharsets.UTF_8));
        Path output = directory.resolve("signed.xml");
        ExternalTool.Result result = xmlsec1(directory, List.of("--sign", "--privkey-pem", key + "," + certificate,
                "--id-attr:Id", "payment", "--output", output.toString(), input.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        try {
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExternalTool.Result xmlsec1(Path directory, List<String> arguments) {
        ExternalTool.require("xmlsec1", "xmlsec1");
        List<String> command = new ArrayList<>(List.of("xmlsec1"));
        command.addAll(arguments);
        return ExternalTool.run(command);
    }

    private static Path pem(Path directory, String name, X509Certificate certificate) {
        try {
            return write(directory, name, ("-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path directory, String name, byte[] content) {
        try {
            return Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> codes(JsonNode signature) {
        List<String> codes = new ArrayList<>();
        signature.get("findings").forEach(finding -> codes.add(finding.get("code").asString()));
        return codes;
    }
}
