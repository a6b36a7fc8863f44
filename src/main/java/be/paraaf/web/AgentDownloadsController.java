package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.system.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local eID agent's packages as built by {@code mvn -Pagent-package} (docs/agent.md): {@code /downloads} is the
 * page, {@code /api/downloads} lists each file with its size and SHA-256 and the agent's version, and
 * {@code /downloads/<file>} serves a listed file. When nothing was built the list is empty and says so.
 */
@RestController
class AgentDownloadsController {

    /** One package file. */
    record AgentPackage(String file, long size, String sha256, String url) {
    }

    /** What the page shows; {@code message} explains an empty list. */
    record AgentDownloads(String agentVersion, List<AgentPackage> packages, String message) {
    }

    private static final Pattern PACKAGE = Pattern.compile("paraaf-agent[A-Za-z0-9._+-]*\\.(zip|deb|rpm|msi|dmg|pkg)");
    private static final String VERSION_FILE = "agent-version.txt";

    private record Fingerprint(long size, long modified, String sha256) {
    }

    private final Path directory;
    private final Map<Path, Fingerprint> digests = new ConcurrentHashMap<>();

    AgentDownloadsController(@Value("${paraaf.agent.downloads-dir:target/agent/downloads}") Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @GetMapping("/downloads")
    ResponseEntity<Void> page() {
        return ResponseEntity.status(302).header(HttpHeaders.LOCATION, "/downloads.html").build();
    }

    @GetMapping("/api/downloads")
    AgentDownloads list() {
        List<AgentPackage> packages = new ArrayList<>();
        for (Path file : packageFiles()) {
            String name = file.getFileName().toString();
            packages.add(new AgentPackage(name, size(file), sha256(file), "/downloads/" + name));
        }
        String version = readVersion();
        return new AgentDownloads(version, packages, packages.isEmpty() ? "No agent package was built for this "
                + "service (mvn -Pagent-package package writes them to " + directory + "); the command line "
                + "'paraaf eid-agent' still signs and logs in." : null);
    }

    @GetMapping("/downloads/{file:.+}")
    ResponseEntity<Resource> download(@PathVariable String file) {
        Path path = packageFiles().stream().filter(candidate -> candidate.getFileName().toString().equals(file))
                .findFirst().orElseThrow(() -> new NotFoundException(ProblemType.NOT_FOUND,
                        "No agent package named '" + file + "'; /api/downloads lists them."));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                        .toString())
                .body(new FileSystemResource(path));
    }

    private List<Path> packageFiles() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && PACKAGE.matcher(entry.getFileName().toString()).matches()) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        files.sort(null);
        return files;
    }

    private String readVersion() {
        try {
            Path file = directory.resolve(VERSION_FILE);
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hashed once per file version (size and modification time): packages are tens of megabytes. */
    private String sha256(Path file) {
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            Fingerprint known = digests.get(file);
            if (known != null && known.size() == size && known.modified() == modified) {
                return known.sha256();
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            String hex = HexFormat.of().formatHex(digest.digest());
            digests.put(file, new Fingerprint(size, modified, hex));
            return hex;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
