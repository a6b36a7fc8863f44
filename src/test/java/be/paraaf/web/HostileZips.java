package be.paraaf.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zip files (PKWARE APPNOTE 6.3) built to break a template package upload: path traversal, absolute and Windows
 * paths, a symbolic link, duplicate names, a deflate bomb, many entries, a nested zip, names that are no UTF-8, and
 * random damage to a good package. Raw entries are written by hand, so names and attributes are exactly the bytes
 * given.
 */
final class HostileZips {

    /** Unix mode of a symbolic link (S_IFLNK | 0777) in the high half of the external attributes. */
    private static final int SYMLINK = 0120777 << 16;

    private HostileZips() {
    }

    /** The built-in lease template as an agency would upload it. */
    static Map<String, byte[]> lease() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : List.of("template.json", "template.html", "labels/nl.properties", "labels/fr.properties",
                "labels/en.properties")) {
            try (InputStream in = HostileZips.class.getResourceAsStream("/be/paraaf/prepare/templates/lease/" + path)) {
                files.put(path, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // under a name of its own: a random mutation that is still a valid package is stored for the shared demo
        // agency, and as "lease" it would replace the built-in lease for every later test in the shared context
        String manifest = new String(files.get("template.json"), StandardCharsets.UTF_8);
        files.put("template.json", manifest.replaceFirst("\"name\": \"lease\"", "\"name\": \"fuzz-lease\"")
                .getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** Named hostile packages, each beside the lease's good files unless the attack is the whole zip. */
    static Map<String, byte[]> crafted() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        byte[] css = "p { color: black }".getBytes(StandardCharsets.US_ASCII);
        all.put("zip slip", withLease(raw("../../paraaf-zip-slip.css", css)));
        all.put("zip slip deep", withLease(raw("labels/../../../../tmp/paraaf-zip-slip.css", css)));
        all.put("absolute path", withLease(raw("/tmp/paraaf-absolute.css", css)));
        all.put("windows path", withLease(raw("C:\\paraaf\\evil.css", css)));
        all.put("backslash traversal", withLease(raw("..\\..\\evil.css", css)));
        all.put("symbolic link", withLease(new Entry("style.css".getBytes(StandardCharsets.US_ASCII),
                "/etc/passwd".getBytes(StandardCharsets.US_ASCII), 0, SYMLINK)));
        all.put("duplicate manifest", withLease(raw("template.json", "{\"name\":\"other\"}".getBytes(
                StandardCharsets.US_ASCII))));
        all.put("duplicate markup", withLease(raw("template.html", "<p>{{{tenant}}}</p>".getBytes(
                StandardCharsets.US_ASCII))));
        // the same file twice: which one counts depends on the tool that unpacks it, so the package is ambiguous
        all.put("duplicate labels, same content", withLease(raw("labels/nl.properties", lease().get(
                "labels/nl.properties"))));
        all.put("non-UTF-8 name", withLease(new Entry(new byte[] {'s', (byte) 0xff, (byte) 0xfe, '.', 'c', 's', 's'},
                css, 0, 0)));
        all.put("non-UTF-8 name flagged UTF-8", withLease(new Entry(new byte[] {'s', (byte) 0xc3, '(', '.', 'c', 's',
                's'}, css, 1 << 11, 0)));
        all.put("NUL in name", withLease(raw("style\0.css", css)));
        all.put("empty name", withLease(raw("", css)));
        all.put("long name", withLease(raw("a".repeat(60_000) + ".css", css)));
        all.put("nested zip", withLease(raw("inner.zip", zip(lease()))));
        all.put("many entries", manyEntries(5_000));
        all.put("deflate bomb", bomb(200));
        all.put("bombs side by side", sideBySide(40, 1));
        all.put("only directories", zip(Map.of("labels/", new byte[0], "a/", new byte[0])));
        all.put("empty zip", zip(Map.of()));
        all.put("empty body", new byte[0]);
        all.put("not a zip", "template.json".getBytes(StandardCharsets.US_ASCII));
        byte[] good = zip(lease());
        all.put("truncated", FuzzIT.cut(good, good.length / 2));
        all.put("header only", FuzzIT.cut(good, 30));
        all.put("lying sizes", lyingSizes());
        return all;
    }

    /** {@code count} copies of the good package, each with a few random bytes changed. */
    static List<byte[]> mutations(int count, Random random) {
        byte[] good = zip(lease());
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] copy = good.clone();
            for (int j = 1 + random.nextInt(6); j > 0; j--) {
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            }
            all.add(copy);
        }
        return all;
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One entry of {@code megabytes} MB of zeros, deflated to about a thousandth of that. */
    static byte[] bomb(int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> file : lease().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("style.css"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sideBySide(int count, int megabytes) {
        Map<String, byte[]> files = new LinkedHashMap<>(lease());
        for (int i = 0; i < count; i++) {
            files.put("style-" + i + ".css", new byte[megabytes * 1024 * 1024]);
        }
        return zip(files);
    }

    private static byte[] manyEntries(int count) {
        Map<String, byte[]> files = new LinkedHashMap<>(lease());
        for (int i = 0; i < count; i++) {
            files.put("s" + i + ".css", new byte[0]);
        }
        return zip(files);
    }

    /** The lease whose first entry claims 4 GB in its header and descriptor-less sizes that are wrong. */
    private static byte[] lyingSizes() {
        List<Entry> entries = new ArrayList<>();
        lease().forEach((path, content) -> entries.add(new Entry(path.getBytes(StandardCharsets.UTF_8), content, 0,
                0)));
        byte[] zip = raw(entries);
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(18, 0xffff_fff0); // compressed size of the first local header
        buffer.putInt(22, 0xffff_fff0); // uncompressed size
        return zip;
    }

    private record Entry(byte[] name, byte[] content, int flags, int externalAttributes) {
    }

    private static Entry raw(String name, byte[] content) {
        return new Entry(name.getBytes(StandardCharsets.UTF_8), content, 0, 0);
    }

    private static byte[] withLease(Entry extra) {
        List<Entry> entries = new ArrayList<>();
        lease().forEach((path, content) -> entries.add(new Entry(path.getBytes(StandardCharsets.UTF_8), content, 0,
                0)));
        entries.add(extra);
        return raw(entries);
    }

    /** Stored (uncompressed) entries with a central directory, names and attributes exactly as given. */
    private static byte[] raw(List<Entry> entries) {
        ByteBuffer out = ByteBuffer.allocate(entries.stream().mapToInt(e -> 2 * e.name().length + e.content()
                .length + 100).sum() + 100).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> offsets = new ArrayList<>();
        for (Entry entry : entries) {
            offsets.add(out.position());
            out.putInt(0x04034b50).putShort((short) 20).putShort((short) entry.flags()).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21).putInt(crc(entry.content()))
                    .putInt(entry.content().length).putInt(entry.content().length)
                    .putShort((short) entry.name().length).putShort((short) 0).put(entry.name()).put(entry.content());
        }
        int directory = out.position();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            out.putInt(0x02014b50).putShort((short) (3 << 8 | 20)).putShort((short) 20).putShort((short) entry.flags())
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0x21).putInt(crc(entry.content()))
                    .putInt(entry.content().length).putInt(entry.content().length)
                    .putShort((short) entry.name().length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(entry.externalAttributes()).putInt(offsets.get(i)).put(entry.name());
        }
        int directorySize = out.position() - directory;
        out.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(directorySize).putInt(directory).putShort((short) 0);
        byte[] zip = new byte[out.position()];
        out.flip().get(zip);
        return zip;
    }

    private static int crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return (int) crc.getValue();
    }
}
