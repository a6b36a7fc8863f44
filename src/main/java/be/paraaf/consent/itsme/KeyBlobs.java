package be.paraaf.consent.itsme;

import be.paraaf.persistence.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where {@link Pkcs12KeyStore} keeps one protected PKCS#12 per key: files under the data directory, or rows. */
interface KeyBlobs {

    /** Stores a new key; false if one exists under {@code alias}. */
    boolean create(String alias, byte[] pkcs12);

    Optional<byte[]> read(String alias);

    void delete(String alias);

    /** {@code <dir>/<alias>.p12}: one node, or nodes sharing the data directory. */
    static KeyBlobs files(Path dir) {
        return new KeyBlobs() {
            @Override
            public boolean create(String alias, byte[] pkcs12) {
                try {
                    Files.createDirectories(dir);
                    if (Files.exists(file(alias))) {
                        return false;
                    }
                    AtomicFiles.write(file(alias), pkcs12);
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Optional<byte[]> read(String alias) {
                try {
                    return Optional.of(Files.readAllBytes(file(alias)));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void delete(String alias) {
                try {
                    Files.deleteIfExists(file(alias));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private Path file(String alias) {
                return dir.resolve(alias + ".p12");
            }
        };
    }

    /** Table {@code itsme_remote_keys}: every node sharing the database signs with every key. */
    static KeyBlobs database(JdbcClient jdbc, Clock clock) {
        return new KeyBlobs() {
            @Override
            public boolean create(String alias, byte[] pkcs12) {
                try {
                    jdbc.sql("insert into itsme_remote_keys (alias, pkcs12, created_at) values (?, ?, ?)")
                            .params(alias, pkcs12, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                            .update();
                    return true;
                } catch (DuplicateKeyException e) {
                    return false;
                }
            }

            @Override
            public Optional<byte[]> read(String alias) {
                return jdbc.sql("select pkcs12 from itsme_remote_keys where alias = ?").param(alias)
                        .query((row, n) -> row.getBytes(1)).optional();
            }

            @Override
            public void delete(String alias) {
                jdbc.sql("delete from itsme_remote_keys where alias = ?").param(alias).update();
            }
        };
    }
}
