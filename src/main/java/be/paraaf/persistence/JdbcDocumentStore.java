package be.paraaf.persistence;

import be.paraaf.system.ProblemType;
import be.paraaf.system.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Blobs in the {@code document_blobs} table (PostgreSQL {@code bytea}), so every node that shares the
 * database sees the same documents. A concurrent put of the same bytes on another node is harmless: the
 * primary key keeps one row and both callers get the same address.
 */
public final class JdbcDocumentStore implements DocumentStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcDocumentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public StoredContent put(byte[] content) {
        StoredContent address = StoredContent.of(content);
        if (exists(address.sha256())) {
            return address;
        }
        try {
            jdbc.sql("insert into document_blobs (sha256, size_bytes, content, created_at) values (?, ?, ?, ?)")
                    .params(address.sha256(), address.size(), content,
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException raced) {
            // another node stored the same bytes between our check and our insert
        }
        return address;
    }

    @Override
    public byte[] get(String sha256) {
        StoredContent.requireSha256(sha256);
        byte[] content = jdbc.sql("select content from document_blobs where sha256 = ?").param(sha256)
                .query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException(ProblemType.DOCUMENT_CONTENT_NOT_FOUND,
                        "No stored content " + sha256 + "."));
        if (!StoredContent.sha256(content).equals(sha256)) {
            throw new IllegalStateException("stored content " + sha256 + " does not match its SHA-256");
        }
        return content;
    }

    @Override
    public boolean exists(String sha256) {
        StoredContent.requireSha256(sha256);
        return jdbc.sql("select count(*) from document_blobs where sha256 = ?").param(sha256)
                .query(Long.class).single() > 0;
    }

    @Override
    public boolean delete(String sha256) {
        StoredContent.requireSha256(sha256);
        return jdbc.sql("delete from document_blobs where sha256 = ?").param(sha256).update() > 0;
    }
}
