package be.paraaf.signing;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.system.ParaafException;
import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.pades.exception.ProtectedDocumentException;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import java.util.Map;
import java.util.function.Supplier;

/** Translates DSS's exceptions into paraaf problems at the adapter edge; none escapes signing. */
final class DssErrors {

    private DssErrors() {
    }

    static <T> T translate(Supplier<T> dssCall) {
        try {
            return dssCall.get();
        } catch (ParaafException e) {
            throw e;
        } catch (ProtectedDocumentException e) {
            throw new SigningException(ProblemType.DOCUMENT_LOCKED,
                    "The document's certification signature does not allow this change: " + e.getMessage());
        } catch (DSSExternalResourceException e) {
            throw new SigningException(ProblemType.TRUST_SERVICE_UNAVAILABLE,
                    "A time-stamping or revocation service did not answer: " + e.getMessage(), Map.of(), e);
        } catch (AlertException e) {
            throw new SigningException(ProblemType.SIGNER_CERTIFICATE_NOT_ACCEPTABLE, alertMessage(e), Map.of(), e);
        } catch (IllegalInputException e) {
            throw new InvalidInputException(ProblemType.INVALID_DOCUMENT, e.getMessage(), Map.of(), e);
        } catch (IllegalArgumentException e) {
            // DSS checks the parameters against the document (field names, overlaps) with plain IAEs
            String message = String.valueOf(e.getMessage());
            throw new InvalidInputException(message.contains("field") ? "invalid-signature-field"
                    : "invalid-signature-options", 422, message, Map.of(), e);
        } catch (eu.europa.esig.dss.model.DSSException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.contains("signature size") || message.contains("too small")) {
                throw new SigningException(ProblemType.SIGNATURE_TOO_LARGE,
                        "The signature does not fit the space reserved in the PDF: " + message, Map.of(), e);
            }
            if (message.contains("Unable to process") || message.contains("Unable to retrieve")
                    || message.contains("Connect") || message.contains("connect")) {
                throw new SigningException(ProblemType.TRUST_SERVICE_UNAVAILABLE,
                        "A time-stamping or revocation service did not answer: " + message, Map.of(), e);
            }
            throw new SigningException(ProblemType.SIGNING_REFUSED, "The signature cannot be created: " + message,
                    Map.of(), e);
        }
    }

    static void translate(Runnable dssCall) {
        translate(() -> {
            dssCall.run();
            return null;
        });
    }

    private static String alertMessage(AlertException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("revoked") || message.contains("Revoked")) {
            return "The signer's certificate is revoked: " + message;
        }
        if (message.contains("evocation")) {
            return "No revocation data could be obtained for the signer's certificate chain: " + message;
        }
        return message;
    }
}
