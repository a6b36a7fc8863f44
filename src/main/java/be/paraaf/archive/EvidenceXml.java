package be.paraaf.archive;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The XML the service seals (XAdES-B-LTA, enveloped) for every archive entry: what was archived, for whom,
 * when, the SHA-256 of each part, and — when the signing request supplied one — its audit trail, embedded
 * verbatim (base64) with its own SHA-256. Without an audit trail this evidence describes the archiving event
 * alone.
 */
final class EvidenceXml {

    static final String NAMESPACE = "urn:paraaf:archive:evidence:1";

    private EvidenceXml() {
    }

    record PartDigest(String name, String sha256, long size) {
    }

    static byte[] build(String id, ArchiveRequest request, Instant archivedAt, List<PartDigest> parts) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document xml = factory.newDocumentBuilder().newDocument();
            Element root = xml.createElementNS(NAMESPACE, "ArchiveEvidence");
            root.setAttribute("Id", "evidence-" + id);
            xml.appendChild(root);
            Element event = child(xml, root, "Event", null);
            event.setAttribute("type", "archived");
            event.setAttribute("at", archivedAt.toString());
            child(xml, root, "EntryId", id);
            child(xml, root, "Owner", request.ownerClientId());
            child(xml, root, "DocumentType", request.documentType());
            if (request.requestId() != null) {
                child(xml, root, "RequestId", request.requestId());
            }
            Element parties = child(xml, root, "Parties", null);
            for (Party party : request.parties()) {
                Element element = child(xml, parties, "Party", party.name());
                element.setAttribute("role", party.role());
                if (party.nationalNumber() != null) {
                    element.setAttribute("nationalNumber", party.nationalNumber());
                }
            }
            Element partList = child(xml, root, "Parts", null);
            for (PartDigest part : parts) {
                Element element = child(xml, partList, "Part", null);
                element.setAttribute("name", part.name());
                element.setAttribute("sha256", part.sha256());
                element.setAttribute("size", Long.toString(part.size()));
            }
            if (request.auditTrailJson() != null) {
                Element audit = child(xml, root, "AuditTrail",
                        Base64.getEncoder().encodeToString(request.auditTrailJson()));
                audit.setAttribute("mediaType", "application/json");
                audit.setAttribute("encoding", "base64");
                audit.setAttribute("sha256", be.paraaf.persistence.StoredContent.sha256(request.auditTrailJson()));
            }
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(xml), new StreamResult(out));
            return out.toByteArray();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot build evidence XML", e);
        }
    }

    private static Element child(Document xml, Element parent, String name, String text) {
        Element element = xml.createElementNS(NAMESPACE, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }
}
