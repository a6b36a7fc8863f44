package be.paraaf.consent.itsme;

import be.paraaf.MissingSettings;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Without a {@link RemoteSigningCertificates} an itsme enrolment cannot be confirmed (503 no-remote-signing-ca):
 * reported at start and in readiness. Not required to start — paraaf signs with the eID card without it.
 */
@Component
class RemoteSigningSettings implements MissingSettings {

    private final ObjectProvider<RemoteSigningCertificates> certificates;

    RemoteSigningSettings(ObjectProvider<RemoteSigningCertificates> certificates) {
        this.certificates = certificates;
    }

    @Override
    public String capability() {
        return "itsme enrolment confirmation (remote signing certificates)";
    }

    @Override
    public List<String> missing() {
        return certificates.getIfAvailable() == null
                ? List.of("a remote-signing certification authority (only the embedded demo provides one so far)")
                : List.of();
    }

    @Override
    public boolean required() {
        return false;
    }
}
