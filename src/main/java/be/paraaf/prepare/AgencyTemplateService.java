package be.paraaf.prepare;

import be.paraaf.system.NotFoundException;
import be.paraaf.system.ProblemType;
import be.paraaf.persistence.StoredContent;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Templates an agency (an API client) adds itself: uploaded as a zip package, validated (static checks and a sample
 * rendered in every language) before it is stored, versioned per name (1, 2, …; never overwritten), visible only to
 * the client that uploaded it. An agency template of the same name as a built-in one takes its place for that client.
 */
@Service
public class AgencyTemplateService {

    /** One stored version, as the API lists it. */
    /**
     * The largest upload a package can be: a package unpacks to at most 5 MB, and a zip is not much larger than its
     * files; anything larger is refused before it is read into the heap.
     */
    public static final int MAX_PACKAGE_BYTES = TemplateZip.MAX_TOTAL + 1024 * 1024;

    public record Version(String name, int version, String sha256, Instant createdAt, TemplateInfo template) {
    }

    private final JdbcClient jdbc;
    private final TemplateService templates;
    private final Clock clock;
    /** Parsed packages by owner/name/version: rows never change, so the cache never goes stale. */
    private final Map<String, TemplatePackage> parsed = new ConcurrentHashMap<>();

    AgencyTemplateService(JdbcClient jdbc, TemplateService templates, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * Validates the package and stores it as the next version of its name for {@code ownerClientId}.
     *
     * @throws TemplatePackageException (422) listing every problem
     */
    @Transactional
    public Version upload(String ownerClientId, byte[] zip) {
        TemplatePackage probe = templates.validate(zip, 1);
        int version = jdbc.sql("select coalesce(max(version), 0) from agency_templates where owner_client_id = ? "
                        + "and name = ?").params(ownerClientId, probe.name()).query(Integer.class).single() + 1;
        Instant now = clock.instant();
        String sha256 = StoredContent.sha256(zip);
        jdbc.sql("""
                insert into agency_templates (owner_client_id, name, version, package, package_sha256, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(ownerClientId, probe.name(), version, zip, sha256, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        return new Version(probe.name(), version, sha256, now, TemplateService.describe(probe));
    }

    /** The caller's templates, every version, newest first per name. */
    public List<Version> list(String ownerClientId) {
        return jdbc.sql("select name, version, package_sha256, created_at from agency_templates "
                        + "where owner_client_id = ? order by name, version desc")
                .param(ownerClientId)
                .query((rs, row) -> new Version(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        TemplateService.describe(load(ownerClientId, rs.getString(1), rs.getInt(2)))))
                .list();
    }

    /**
     * Renders the caller's template {@code name} at {@code version} (null: the latest), or the built-in one of that
     * name when the caller has none.
     */
    public Rendered render(String ownerClientId, String name, Integer version, Language language, JsonNode input) {
        Optional<Integer> latest = jdbc.sql("select max(version) from agency_templates where owner_client_id = ? "
                + "and name = ?").params(ownerClientId, name).query(Integer.class).list().stream()
                .filter(Objects::nonNull).findFirst();
        if (latest.isEmpty() && version == null) {
            return new Rendered(templates.render(name, language, input), 0);
        }
        int chosen = version == null ? latest.get() : version;
        TemplatePackage template = load(ownerClientId, name, chosen);
        return new Rendered(templates.render(template, language, input), chosen);
    }

    /** A rendered document and the agency template version it came from (0: built-in). */
    public record Rendered(RenderedDocument document, int version) {
    }

    private TemplatePackage load(String ownerClientId, String name, int version) {
        return parsed.computeIfAbsent(ownerClientId + "/" + name + "/" + version, key -> {
            byte[] zip = jdbc.sql("select package from agency_templates where owner_client_id = ? and name = ? "
                    + "and version = ?").params(ownerClientId, name, version).query(byte[].class).optional()
                    .orElseThrow(() -> new NotFoundException(ProblemType.UNKNOWN_TEMPLATE, "You have no template '" + name
                            + "' version " + version + "."));
            return TemplatePackageReader.read(TemplateZip.files(zip), version);
        });
    }
}
