package be.paraaf.signing;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import eu.europa.esig.dss.xml.utils.DomUtils;
import java.util.Map;

/** Refuses XML that cannot carry an enveloped signature. Parsing uses DSS's hardened parser (no DTDs). */
final class XmlInputs {

    private XmlInputs() {
    }

    static void check(DocumentInput document, XmlPackaging packaging) {
        if (document.content().length == 0) {
            throw new InvalidInputException(ProblemType.EMPTY_DOCUMENT, "The document is empty.");
        }
        if (packaging == XmlPackaging.DETACHED) {
            return; // a detached signature signs any bytes
        }
        try {
            DomUtils.buildDOM(document.content());
        } catch (RuntimeException e) {
            throw new InvalidInputException(ProblemType.NOT_XML,
                    "The document is not well-formed XML, or it declares a DTD or entities, which paraaf refuses.",
                    Map.of(), e);
        }
    }
}
