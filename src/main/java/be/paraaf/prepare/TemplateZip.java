package be.paraaf.prepare;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of an uploaded template package, read with limits that hold whatever the zip claims: at most
 * {@link #MAX_ENTRIES} files, {@link #MAX_FILE} bytes each and {@link #MAX_TOTAL} bytes together (counted while
 * inflating, so a zip bomb stops early), plain relative paths only.
 */
final class TemplateZip {

    static final int MAX_ENTRIES = 50;
    static final int MAX_FILE = 2 * 1024 * 1024;
    static final int MAX_TOTAL = 5 * 1024 * 1024;

    private TemplateZip() {
    }

    static Map<String, byte[]> files(byte[] zip) {
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
                    throw problem("'" + path + "' is not a plain relative path inside the package");
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

    private static byte[] read(InputStream in, String path) throws IOException {
        byte[] content = in.readNBytes(MAX_FILE + 1);
        if (content.length > MAX_FILE) {
            throw problem("'" + path + "' is larger than " + MAX_FILE / (1024 * 1024) + " MB");
        }
        return content;
    }

    private static TemplatePackageException problem(String problem) {
        return new TemplatePackageException(List.of(problem));
    }
}
