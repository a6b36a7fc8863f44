package be.paraaf.archive;

import be.paraaf.system.NotFoundException;
import be.paraaf.persistence.DocumentStore;
import be.paraaf.persistence.StoredContent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the SHA-256 of every stored part of every archive entry (all versions) and compares it with the
 * metadata. Plain Java, so the CLI runs it against a data directory without starting the service.
 */
public final class ArchiveIntegrity {

    private static final Logger log = LoggerFactory.getLogger(ArchiveIntegrity.class);

    private final ArchiveRepository repository;
    private final DocumentStore store;
    private final Clock clock;

    public ArchiveIntegrity(ArchiveRepository repository, DocumentStore store, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.clock = clock;
    }

    /** One difference between metadata and store. */
    public record Finding(String entryId, String part, int version, String expectedSha256, String problem) {
    }

    /** @param ok true when every part was found with its recorded hash */
    public record Report(Instant startedAt, Instant finishedAt, long entries, long parts, long bytes,
            List<Finding> findings, boolean ok) {
    }

    public Report check() {
        Instant started = clock.instant();
        List<Finding> findings = new ArrayList<>();
        List<ArchiveRepository.PartReference> parts = repository.allParts();
        long bytes = 0;
        for (ArchiveRepository.PartReference part : parts) {
            byte[] content;
            try {
                content = store.get(part.sha256());
            } catch (NotFoundException e) {
                findings.add(new Finding(part.entryId(), part.name(), part.version(), part.sha256(), "missing"));
                continue;
            } catch (IllegalStateException e) {
                // the store itself refuses bytes that no longer match their address
                findings.add(new Finding(part.entryId(), part.name(), part.version(), part.sha256(),
                        "modified: the stored bytes no longer match the recorded SHA-256"));
                continue;
            }
            bytes += content.length;
            String actual = StoredContent.sha256(content);
            if (!actual.equals(part.sha256())) {
                findings.add(new Finding(part.entryId(), part.name(), part.version(), part.sha256(),
                        "modified: content hashes to " + actual));
            } else if (content.length != part.size()) {
                findings.add(new Finding(part.entryId(), part.name(), part.version(), part.sha256(),
                        "size " + content.length + " differs from recorded " + part.size()));
            }
        }
        long entries = parts.stream().map(ArchiveRepository.PartReference::entryId).distinct().count();
        Report report = new Report(started, clock.instant(), entries, parts.size(), bytes, List.copyOf(findings),
                findings.isEmpty());
        if (report.ok()) {
            log.info("archive integrity check: {} entries, {} parts, {} bytes, no differences", entries,
                    parts.size(), bytes);
        } else {
            log.error("archive integrity check: {} difference(s) in {} parts: {}", findings.size(), parts.size(),
                    findings);
        }
        return report;
    }
}
