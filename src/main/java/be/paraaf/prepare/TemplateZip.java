package be.paraaf.prepare;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of an uploaded template package, read with limits that hold whatever the zip claims: at most
 * {@link #MAX_ENTRIES} files, {@link #MAX_FILE} bytes each and {@link #MAX_TOTAL} bytes together (counted while
 * inflating, so a zip bomb stops early), plain relative paths only, each once, no symbolic links.
 */
final class TemplateZip {

    static final int MAX_ENTRIES = 50;
    static final int MAX_FILE = 2 * 1024 * 1024;
    static final int MAX_TOTAL = 5 * 1024 * 1024;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int UNIX = 3;

    private TemplateZip() {
    }

    static Map<String, byte[]> files(byte[] zip) {
        refuseSymbolicLinks(zip);
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String path = entry.getName();
                if (path.startsWith("/") || path.contains("\\") || path.contains("..") || path.contains(":")
                        || path.length() > 200) {
                    throw problem("'" + shown(path) + "' is not a plain relative path inside the package");
                }
                if (files.containsKey(path)) {
                    // which copy counts would depend on the tool that unpacks it: the package is ambiguous
                    throw problem("'" + path + "' is in the package twice");
                }
                if (files.size() == MAX_ENTRIES) {
                    throw problem("the package has more than " + MAX_ENTRIES + " files");
                }
                byte[] content = read(in, path);
                total += content.length;
                if (total > MAX_TOTAL) {
                    throw problem("the package unpacks to more than " + MAX_TOTAL / (1024 * 1024) + " MB");
                }
                files.put(path, content);
            }
        } catch (ZipException e) {
            throw problem("the upload is not a readable zip file");
        } catch (IllegalArgumentException e) {
            // ZipInputStream's answer to an entry name that is not UTF-8
            throw problem("a file name in the package is not UTF-8 text: name the files with letters, digits, "
                    + "hyphens and underscores");
        } catch (IOException e) {
            throw problem("the upload is not a readable zip file");
        }
        if (files.isEmpty()) {
            throw problem("the upload is not a zip file with files in it (template.json, template.html, labels/…)");
        }
        return files;
    }

    /**
     * A symbolic link is no file of a template, and an agency's unzip tool would follow it: refused. Only the central
     * directory says so (Unix mode in the external attributes; APPNOTE 4.4.2, 4.4.15), which ZipInputStream never
     * reads; a directory that cannot be walked is left to the reading that follows.
     */
    private static void refuseSymbolicLinks(byte[] zip) {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
            if (bytes.getInt(at) == END_OF_DIRECTORY) {
                end = at;
                break;
            }
        }
        if (end < 0) {
            return;
        }
        int entries = Short.toUnsignedInt(bytes.getShort(end + 10));
        long at = Integer.toUnsignedLong(bytes.getInt(end + 16));
        for (int i = 0; i < entries && at >= 0 && at + 46 <= zip.length; i++) {
            int header = (int) at;
            if (bytes.getInt(header) != DIRECTORY_ENTRY) {
                return;
            }
            int madeBy = Short.toUnsignedInt(bytes.getShort(header + 4)) >> 8;
            int nameLength = Short.toUnsignedInt(bytes.getShort(header + 28));
            int mode = bytes.getInt(header + 38) >>> 16;
            if (madeBy == UNIX && (mode & 0xf000) == 0xa000 && header + 46 + nameLength <= zip.length) {
                String name = new String(zip, header + 46, nameLength, StandardCharsets.UTF_8);
                throw problem("'" + shown(name) + "' is a symbolic link: a package holds files only");
            }
            at = header + 46L + nameLength + Short.toUnsignedInt(bytes.getShort(header + 30))
                    + Short.toUnsignedInt(bytes.getShort(header + 32));
        }
    }

    private static byte[] read(InputStream in, String path) throws IOException {
        byte[] content = in.readNBytes(MAX_FILE + 1);
        if (content.length > MAX_FILE) {
            throw problem("'" + path + "' is larger than " + MAX_FILE / (1024 * 1024) + " MB");
        }
        return content;
    }

    /** A name as a problem quotes it: a name far too long to be a path is cut. */
    private static String shown(String name) {
        return name.length() > 100 ? name.substring(0, 100) + "…" : name;
    }

    private static TemplatePackageException problem(String problem) {
        return new TemplatePackageException(List.of(problem));
    }
}
