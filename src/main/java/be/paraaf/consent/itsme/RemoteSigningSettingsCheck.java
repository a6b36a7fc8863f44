package be.paraaf.consent.itsme;

import be.paraaf.system.MissingSettings;
import be.paraaf.consent.csc.CscProperties;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * itsme signatures need either a CSC remote-signing provider ({@code paraaf.remote-signing.csc.*}, where the
 * citizens' remote keys live) or a {@link RemoteSigningCertificates} for paraaf's own itsme accounts (only the
 * embedded demo has one): without either, reported at start and in readiness. Not required to start — paraaf
 * signs with the eID card without it.
 */
@Component
class RemoteSigningSettingsCheck implements MissingSettings {

    private final ObjectProvider<RemoteSigningCertificates> certificates;
    private final boolean remoteSigningProvider;

    RemoteSigningSettingsCheck(ObjectProvider<RemoteSigningCertificates> certificates, CscProperties csc) {
        this.certificates = certificates;
        this.remoteSigningProvider = csc.configured();
    }

    @Override
    public String capability() {
        return "itsme signatures (a remote-signing provider, or certificates for paraaf's own itsme accounts)";
    }

    @Override
    public List<String> missing() {
        return remoteSigningProvider || certificates.getIfAvailable() != null ? List.of()
                : List.of("paraaf.remote-signing.csc.base-url (with client-id, client-secret)");
    }

    @Override
    public boolean required() {
        return false;
    }
}
