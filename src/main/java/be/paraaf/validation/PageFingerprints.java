package be.paraaf.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * A digest of everything that decides how a page renders: its content streams and resources (fonts,
 * images, forms — followed to the last object), its boxes and rotation, the annotations it already had
 * in the signed revision, and the document's optional-content configuration. When a page's digest is
 * the same in the signed revision and in the final document, the two cannot render differently, so
 * rendering both to look for a shadow attack would only confirm what the digest already proves.
 * Anything that does not fit (a direct annotation, an unreadable stream) makes the page "different",
 * and then it is rendered as DSS always does.
 */
final class PageFingerprints {

    private static final Set<COSName> NOT_RENDERED = Set.of(COSName.PARENT, COSName.ANNOTS, COSName.P,
            COSName.STRUCT_PARENTS, COSName.getPDFName("PieceInfo"), COSName.METADATA, COSName.getPDFName("LastModified"),
            COSName.getPDFName("Tabs"));

    private PageFingerprints() {
    }

    /**
     * Whether page {@code pageNumber} (1-based) renders the same in both revisions, counting only the
     * annotations present in the signed revision (DSS compares without annotations added later).
     */
    static boolean samePage(PDDocument signed, PDDocument last, int pageNumber) {
        try {
            PDPage signedPage = signed.getPage(pageNumber - 1);
            PDPage lastPage = last.getPage(pageNumber - 1);
            Set<COSObjectKey> signedAnnotations = annotationKeys(signedPage);
            if (signedAnnotations == null) {
                return false;
            }
            return MessageDigest.isEqual(digest(signed, signedPage, signedAnnotations),
                    digest(last, lastPage, signedAnnotations));
        } catch (IOException | RuntimeException e) {
            return false; // when in doubt, render
        }
    }

    /**
     * A digest of what a page draws without any of its annotations: content, resources, boxes, rotation and
     * the document's optional-content configuration. Equal digests in two revisions mean equal page content.
     */
    static String contentDigest(PDDocument document, PDPage page) throws IOException {
        return HexFormat.of().formatHex(digest(document, page, Set.of()));
    }

    /** A digest of any objects, followed to their last indirect object; a loop or a deep nest ends the walk. */
    static String digestOf(COSBase... values) {
        Walker walker = new Walker();
        try {
            for (COSBase value : values) {
                walker.walk(value);
                walker.text("|");
            }
        } catch (IOException | RuntimeException e) {
            walker.text("unreadable " + e.getClass().getSimpleName());
        }
        return HexFormat.of().formatHex(walker.finish());
    }

    /** Indirect annotation keys; null when an annotation is a direct object (it cannot be matched). */
    private static Set<COSObjectKey> annotationKeys(PDPage page) {
        Set<COSObjectKey> keys = new HashSet<>();
        COSArray annotations = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (annotations == null) {
            return keys;
        }
        for (int i = 0; i < annotations.size(); i++) {
            COSBase entry = annotations.get(i);
            if (!(entry instanceof COSObject reference) || reference.getKey() == null) {
                return null;
            }
            keys.add(reference.getKey());
        }
        return keys;
    }

    private static byte[] digest(PDDocument document, PDPage page, Set<COSObjectKey> annotationKeys)
            throws IOException {
        Walker walker = new Walker();
        COSDictionary pageDictionary = page.getCOSObject();
        for (Map.Entry<COSName, COSBase> entry : pageDictionary.entrySet()) {
            if (!NOT_RENDERED.contains(entry.getKey())) {
                walker.text(entry.getKey().getName());
                walker.walk(entry.getValue());
            }
        }
        // inherited attributes live on the page tree nodes, which are not walked above
        PDResources resources = page.getResources();
        walker.text("inherited-resources");
        walker.walk(resources == null ? null : resources.getCOSObject());
        walker.text("boxes " + page.getMediaBox() + " " + page.getCropBox() + " " + page.getRotation());
        COSArray annotations = pageDictionary.getCOSArray(COSName.ANNOTS);
        if (annotations != null) {
            for (int i = 0; i < annotations.size(); i++) {
                if (annotations.get(i) instanceof COSObject reference && annotationKeys.contains(reference.getKey())) {
                    walker.text("annotation " + reference.getKey());
                    walker.walk(reference);
                }
            }
        }
        walker.text("optional-content");
        walker.walk(document.getDocumentCatalog().getCOSObject().getItem(COSName.OCPROPERTIES));
        return walker.finish();
    }

    /** Depth-first over the object graph; each indirect object is hashed once, then named by its key. */
    private static final class Walker {

        /** Deeper than any real page; a hostile file nesting further is simply rendered. */
        private static final int MAX_DEPTH = 200;

        private final MessageDigest digest;
        private final Map<COSBase, Boolean> seen = new IdentityHashMap<>();
        private int depth;

        Walker() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void text(String value) {
            digest.update(value.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }

        void walk(COSBase value) throws IOException {
            if (++depth > MAX_DEPTH) {
                throw new IOException("object graph nested deeper than " + MAX_DEPTH);
            }
            try {
                walkValue(value);
            } finally {
                depth--;
            }
        }

        private void walkValue(COSBase value) throws IOException {
            if (value instanceof COSObject reference) {
                text("ref " + reference.getKey());
                COSBase target = reference.getObject();
                if (target == null || seen.put(target, Boolean.TRUE) != null) {
                    return;
                }
                walk(target);
            } else if (value instanceof COSStream stream) {
                walkDictionary(stream);
                text("stream");
                try (InputStream raw = stream.createRawInputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int read = raw.read(buffer); read >= 0; read = raw.read(buffer)) {
                        digest.update(buffer, 0, read);
                    }
                }
            } else if (value instanceof COSDictionary dictionary) {
                walkDictionary(dictionary);
            } else if (value instanceof COSArray array) {
                text("[" + array.size());
                for (int i = 0; i < array.size(); i++) {
                    walk(array.get(i));
                }
            } else if (value instanceof COSString string) {
                text("s");
                digest.update(string.getBytes());
            } else if (value instanceof COSName name) {
                text("/" + name.getName());
            } else if (value instanceof COSNumber number) {
                text("n" + number);
            } else if (value instanceof COSBoolean bool) {
                text("b" + bool.getValue());
            } else if (value == null || value instanceof COSNull) {
                text("null");
            } else {
                text(value.getClass().getSimpleName() + value);
            }
        }

        private void walkDictionary(COSDictionary dictionary) throws IOException {
            text("{" + dictionary.size());
            for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                if (entry.getKey().equals(COSName.PARENT) || entry.getKey().equals(COSName.P)) {
                    continue; // back-pointers up the tree; the page itself is hashed by its caller
                }
                text(entry.getKey().getName());
                walk(entry.getValue());
            }
        }

        byte[] finish() {
            return digest.digest();
        }
    }
}
