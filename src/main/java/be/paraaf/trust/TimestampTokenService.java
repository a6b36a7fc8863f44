package be.paraaf.trust;

import be.paraaf.system.ProblemType;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * RFC 3161 time-stamp tokens over a digest, from the configured TSA through the same {@link TSPSource} that
 * signing uses (the demo TSA over HTTP in tests, the configured TSA in production). For callers that must not
 * see DSS types, such as the archive's RFC 4998 evidence records.
 */
@Component
public class TimestampTokenService {

    private final TSPSource tsp;

    TimestampTokenService(TSPSource tsp) {
        this.tsp = tsp;
    }

    /**
     * The DER-encoded TimeStampToken (a CMS ContentInfo, RFC 3161 §2.4.2) over {@code digest}.
     *
     * @param digestAlgorithmOid the OID of the algorithm that made {@code digest}, e.g. 2.16.840.1.101.3.4.2.1
     * @throws TimestampUnavailableException when the TSA does not answer with a token
     */
    public byte[] timestamp(String digestAlgorithmOid, byte[] digest) {
        DigestAlgorithm algorithm = DigestAlgorithm.forOID(digestAlgorithmOid);
        try {
            TimestampBinary token = tsp.getTimeStampResponse(algorithm, digest);
            if (token == null || token.getBytes() == null) {
                throw new TimestampUnavailableException("The time-stamping authority returned no token.", null);
            }
            return token.getBytes();
        } catch (DSSException e) {
            throw new TimestampUnavailableException("The time-stamping authority did not answer with a token.", e);
        }
    }

    /** The TSA could not be reached or refused; the caller retries later. */
    public static final class TimestampUnavailableException extends be.paraaf.system.ParaafException {
        TimestampUnavailableException(String message, Throwable cause) {
            super(ProblemType.TIMESTAMP_UNAVAILABLE, message, Map.of(), cause);
        }
    }
}
