package be.paraaf.demo.pki;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import be.paraaf.system.NotFoundException;
import be.paraaf.persistence.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The list of every certificate the demo PKI issued, persisted as one tab-separated line per
 * certificate in {@code index.tsv} (readable with {@code column -t}). The server and the CLI may run at
 * the same time: changes take an exclusive lock on {@code index.lock} and re-read the file first, and
 * readers reload whenever the file on disk is no longer the one they read (atomic replacement gives it
 * a new identity and modification time).
 */
final class CertificateIndex {

    private static final String HEADER = "#paraaf-pki-index v1\tserial\tissuer\tstatus\tnotBefore\tnotAfter"
            + "\trevocationTime\trevocationReason\tsubject";

    private final Path file;
    private final Path lockFile;
    private Map<BigInteger, IssuedCertificate> entries = new LinkedHashMap<>();
    private Object loadedVersion;

    CertificateIndex(Path file) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        reloadIfChanged();
    }

    synchronized List<IssuedCertificate> all() {
        reloadIfChanged();
        return List.copyOf(entries.values());
    }

    synchronized Optional<IssuedCertificate> find(BigInteger serial) {
        reloadIfChanged();
        return Optional.ofNullable(entries.get(serial));
    }

    synchronized boolean contains(BigInteger serial) {
        return find(serial).isPresent();
    }

    synchronized void add(IssuedCertificate entry) {
        update(map -> {
            if (map.containsKey(entry.serial())) {
                throw new IllegalStateException("serial " + entry.serialHex() + " is already in the index");
            }
            map.put(entry.serial(), entry);
            return map;
        });
    }

    /** Marks a certificate revoked; revoking twice is refused so the first time and reason stay. */
    synchronized IssuedCertificate revoke(BigInteger serial, Instant when, RevocationReason reason) {
        IssuedCertificate[] result = new IssuedCertificate[1];
        update(map -> {
            IssuedCertificate entry = map.get(serial);
            if (entry == null) {
                throw new NotFoundException(ProblemType.UNKNOWN_CERTIFICATE,
                        "No certificate with serial " + serial.toString(16) + " was issued by the demo PKI.");
            }
            if (entry.revoked()) {
                throw new InvalidInputException(ProblemType.CERTIFICATE_ALREADY_REVOKED, "Certificate "
                        + serial.toString(16) + " was already revoked at " + entry.revocationTime() + ".",
                        Map.of("serial", serial.toString(16)), null);
            }
            result[0] = entry.revoke(when, reason);
            map.put(serial, result[0]);
            return map;
        });
        return result[0];
    }

    private void update(UnaryOperator<Map<BigInteger, IssuedCertificate>> change) {
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                reloadIfChanged();
                Map<BigInteger, IssuedCertificate> copy = change.apply(new LinkedHashMap<>(entries));
                AtomicFiles.write(file, format(copy.values()).getBytes(StandardCharsets.UTF_8));
                entries = copy;
                loadedVersion = versionOnDisk();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file, e);
        }
    }

    private void reloadIfChanged() {
        Object onDisk = versionOnDisk();
        if (Objects.equals(onDisk, loadedVersion)) {
            return;
        }
        if (onDisk == null) {
            entries = new LinkedHashMap<>();
        } else {
            try {
                entries = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        loadedVersion = onDisk;
    }

    /** File identity (inode) + modification time + size: changes with every atomic replacement. */
    private Object versionOnDisk() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String format(Iterable<IssuedCertificate> entries) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (IssuedCertificate e : entries) {
            out.append(e.serialHex()).append('\t')
                    .append(e.issuer().id()).append('\t')
                    .append(e.status()).append('\t')
                    .append(e.notBefore()).append('\t')
                    .append(e.notAfter()).append('\t')
                    .append(e.revocationTime() == null ? "-" : e.revocationTime().toString()).append('\t')
                    .append(e.revocationReason() == null ? "-" : e.revocationReason().rfcName()).append('\t')
                    .append(e.subject()).append('\n');
        }
        return out.toString();
    }

    private Map<BigInteger, IssuedCertificate> parse(List<String> lines) {
        Map<BigInteger, IssuedCertificate> parsed = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 8);
            if (f.length != 8) {
                throw new IllegalStateException(file + ":" + lineNumber + ": expected 8 tab-separated fields");
            }
            IssuedCertificate entry = new IssuedCertificate(new BigInteger(f[0], 16), CaId.fromId(f[1]),
                    f[7], Instant.parse(f[3]), Instant.parse(f[4]), CertificateStatus.valueOf(f[2]),
                    "-".equals(f[5]) ? null : Instant.parse(f[5]),
                    "-".equals(f[6]) ? null : RevocationReason.parse(f[6]));
            parsed.put(entry.serial(), entry);
        }
        return parsed;
    }
}
