package be.paraaf.validation;

import be.paraaf.validation.PdfRevisions.Entry;
import be.paraaf.validation.PdfRevisions.EntryKind;
import be.paraaf.validation.PdfRevisions.Revision;
import be.paraaf.validation.RevisionSnapshot.Field;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * paraaf's own reading of a signed PDF, beside DSS's: every signature dictionary a signature field holds
 * (so none is silently dropped), whether its byte range is exactly the revision it claims (ISO 32000-1
 * §12.8.1: the whole file up to the revision's end, less the /Contents string), and what changed after it —
 * in the cross-reference sections of later revisions (entries re-pointed into signed bytes, damaged tables,
 * bytes outside any revision) and, by comparing the signed revision with the final one, in pages, fields,
 * annotations and actions ({@link RevisionComparison}). Findings only; the verdict is the policy's.
 */
final class PdfStructure {

    private static final Logger log = LoggerFactory.getLogger(PdfStructure.class);
    /** More signatures than this are not compared revision by revision (each costs a parse). */
    private static final int MAX_COMPARED_REVISIONS = 60;

    /**
     * One signature (or document time-stamp) dictionary found in a signature field of the final document.
     *
     * @param byteRange as written, null when missing or not an array of integers
     * @param signedEnd where the signed bytes end ({@code c + d}), -1 when the byte range is unusable
     * @param certification the DocMDP permission (1–3) when this is a certification signature, else null
     * @param contents the /Contents bytes, null when missing or not a string
     */
    record SignedRevision(String fieldName, long[] byteRange, long signedEnd, boolean documentTimestamp,
            Integer certification, boolean visible, byte[] contents, List<Finding> integrity, List<Finding> changes) {

        boolean sameByteRange(List<Long> other) {
            return byteRange != null && other != null && Arrays.equals(byteRange,
                    other.stream().mapToLong(Long::longValue).toArray());
        }
    }

    /** @param readable false when PDFBox could not open the file (DSS reports that case) */
    record Analysis(List<SignedRevision> signatures, List<Finding> documentFindings, boolean readable) {

        static Analysis unreadable() {
            return new Analysis(List.of(), List.of(), false);
        }
    }

    private PdfStructure() {
    }

    static Analysis analyse(byte[] pdf) {
        PdfRevisions revisions = PdfRevisions.read(pdf);
        try (PDDocument last = open(pdf)) {
            if (last.isEncrypted()) {
                return Analysis.unreadable();
            }
            RevisionSnapshot lastSnapshot = RevisionSnapshot.of(last);
            List<Draft> drafts = new ArrayList<>();
            Map<Integer, Entry> finalEntries = revisions.mergedUpTo(revisions.revisions().size() - 1);
            for (Field field : lastSnapshot.fields().values()) {
                if (field.isSignature() && field.hasValue()) {
                    drafts.add(draft(field, pdf, revisions, finalEntries, lastSnapshot));
                }
            }
            drafts.sort(Comparator.comparingLong(draft -> draft.signedEnd < 0 ? Long.MAX_VALUE : draft.signedEnd));
            List<Finding> documentFindings = new ArrayList<>();
            crossReferences(pdf, revisions, drafts, documentFindings);
            certificationOrder(drafts);
            int compared = 0;
            Map<Integer, java.awt.image.BufferedImage> lastPages = new java.util.HashMap<>();
            for (Draft draft : drafts) {
                if (Thread.currentThread().isInterrupted()) {
                    break; // the validation was stopped (timeout): its answer is no longer awaited
                }
                if (draft.signedEnd > 0 && draft.signedEnd < pdf.length && compared++ < MAX_COMPARED_REVISIONS) {
                    compare(pdf, draft, last, lastSnapshot, lastPages);
                }
            }
            List<SignedRevision> signatures = drafts.stream().map(Draft::build).toList();
            return new Analysis(signatures, List.copyOf(documentFindings), true);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            log.info("structure analysis could not read the PDF: {}", e.toString());
            return Analysis.unreadable();
        }
    }

    private static PDDocument open(byte[] pdf) throws IOException {
        return open(pdf, pdf.length);
    }

    /** The first {@code length} bytes as a document: a view of the same array, not a copy per revision. */
    private static PDDocument open(byte[] pdf, int length) throws IOException {
        return Loader.loadPDF(new RandomAccessReadBuffer(java.nio.ByteBuffer.wrap(pdf, 0, length).slice()), "", null,
                null, IOUtils.createTempFileOnlyStreamCache());
    }

    /** A signature's facts while the analysis collects its findings. */
    private static final class Draft {
        final String fieldName;
        final long[] byteRange;
        final long signedEnd;
        final boolean documentTimestamp;
        final Integer certification;
        final boolean visible;
        final byte[] contents;
        final boolean locksAll;
        final Set<String> lockedFields;
        final List<Finding> integrity = new ArrayList<>();
        final List<Finding> changes = new ArrayList<>();

        Draft(String fieldName, long[] byteRange, long signedEnd, boolean documentTimestamp, Integer certification,
                boolean visible, byte[] contents, boolean locksAll, Set<String> lockedFields) {
            this.fieldName = fieldName;
            this.byteRange = byteRange;
            this.signedEnd = signedEnd;
            this.documentTimestamp = documentTimestamp;
            this.certification = certification;
            this.visible = visible;
            this.contents = contents;
            this.locksAll = locksAll;
            this.lockedFields = lockedFields;
        }

        SignedRevision build() {
            return new SignedRevision(fieldName, byteRange, signedEnd, documentTimestamp, certification, visible,
                    contents, List.copyOf(integrity), List.copyOf(changes));
        }
    }

    private static Draft draft(Field field, byte[] pdf, PdfRevisions revisions, Map<Integer, Entry> finalEntries,
            RevisionSnapshot lastSnapshot) {
        COSDictionary signature = field.signature();
        boolean documentTimestamp = field.isDocumentTimestamp();
        long[] byteRange = signature == null ? null : integers(signature.getDictionaryObject(COSName.BYTERANGE));
        COSBase contentsValue = signature == null ? null : signature.getDictionaryObject(COSName.CONTENTS);
        byte[] contents = contentsValue instanceof COSString string ? string.getBytes() : null;
        Set<String> locked = new HashSet<>();
        boolean[] locksAll = {false};
        Integer certification = null;
        if (signature != null) {
            certification = references(signature, lastSnapshot, locked, locksAll);
        }
        if (field.lock() != null) {
            lock(field.lock(), lastSnapshot, locked, locksAll);
        }
        long signedEnd = byteRange != null && byteRange.length == 4 && byteRange[2] >= 0 && byteRange[3] >= 0
                ? byteRange[2] + byteRange[3] : -1;
        Draft draft = new Draft(field.name(), byteRange, signedEnd, documentTimestamp, certification, field.visible(),
                contents, locksAll[0], Set.copyOf(locked));
        integrity(draft, field, pdf, revisions, finalEntries, signature);
        return draft;
    }

    /** The DocMDP permission of a certification signature; FieldMDP locks are collected on the way. */
    private static Integer references(COSDictionary signature, RevisionSnapshot lastSnapshot, Set<String> locked,
            boolean[] locksAll) {
        Integer certification = null;
        COSBase references = signature.getDictionaryObject(COSName.getPDFName("Reference"));
        if (!(references instanceof COSArray array)) {
            return null;
        }
        for (int i = 0; i < array.size() && i < 16; i++) {
            if (!(array.getObject(i) instanceof COSDictionary reference)) {
                continue;
            }
            String method = reference.getNameAsString(COSName.getPDFName("TransformMethod"));
            COSDictionary parameters = reference.getCOSDictionary(COSName.getPDFName("TransformParams"));
            if ("DocMDP".equals(method)) {
                int permission = parameters == null ? 2 : parameters.getInt(COSName.P, 2);
                certification = permission < 1 || permission > 3 ? 2 : permission;
            } else if ("FieldMDP".equals(method) && parameters != null) {
                lock(parameters, lastSnapshot, locked, locksAll);
            }
        }
        return certification;
    }

    /** A FieldMDP transform's or a field's /Lock: All, Include the named fields, or Exclude them. */
    private static void lock(COSDictionary parameters, RevisionSnapshot lastSnapshot, Set<String> locked,
            boolean[] locksAll) {
        String action = parameters.getNameAsString(COSName.getPDFName("Action"));
        Set<String> named = new HashSet<>();
        if (parameters.getDictionaryObject(COSName.FIELDS) instanceof COSArray fields) {
            for (int i = 0; i < fields.size() && i < 10_000; i++) {
                if (fields.getObject(i) instanceof COSString name) {
                    named.add(name.getString());
                }
            }
        }
        if ("All".equals(action)) {
            locksAll[0] = true;
        } else if ("Include".equals(action)) {
            locked.addAll(named);
        } else if ("Exclude".equals(action)) {
            lastSnapshot.fields().keySet().stream().filter(name -> !named.contains(name)).forEach(locked::add);
        }
    }

    /** Whether the byte range is exactly one revision less its /Contents, and the dictionary lies in it. */
    private static void integrity(Draft draft, Field field, byte[] pdf, PdfRevisions revisions,
            Map<Integer, Entry> finalEntries, COSDictionary signature) {
        String name = draft.fieldName;
        if (signature == null) {
            draft.integrity.add(Finding.of(FindingCode.SIGNATURE_UNREADABLE, "the value of " + name
                    + " is not a signature dictionary").with("problem", "dictionary"));
            return;
        }
        if (draft.contents == null || draft.contents.length == 0 || allZero(draft.contents)) {
            draft.integrity.add(Finding.of(FindingCode.SIGNATURE_UNREADABLE, "/Contents of " + name
                    + " is missing, empty or not a string").with("problem", "contents"));
        }
        long[] range = draft.byteRange;
        if (range == null || range.length == 0) {
            draft.integrity.add(Finding.of(FindingCode.SIGNATURE_UNREADABLE, "/ByteRange of " + name
                    + " is missing or not an array of integers").with("problem", "byteRange"));
            return;
        }
        if (range.length != 4) {
            draft.integrity.add(Finding.of(FindingCode.BYTE_RANGE_ANOMALY, "/ByteRange of " + name + " has "
                    + range.length + " numbers instead of 4: " + Arrays.toString(range)));
            return;
        }
        long a = range[0];
        long b = range[1];
        long c = range[2];
        long d = range[3];
        if (a != 0 || b <= 0 || c <= b || d < 0 || c + d > pdf.length) {
            draft.integrity.add(Finding.of(FindingCode.BYTE_RANGE_ANOMALY, "/ByteRange " + Arrays.toString(range)
                    + " does not start at the first byte, overlaps itself or reaches past the end (" + pdf.length
                    + " bytes)"));
            return;
        }
        if (!holeIsContents(pdf, (int) b, (int) c, draft.contents)) {
            draft.integrity.add(Finding.of(FindingCode.BYTE_RANGE_ANOMALY, "the gap " + b + ".." + c
                    + " of /ByteRange is not exactly the /Contents string of " + name));
        }
        if (revisions.endingAt(c + d).isEmpty()) {
            draft.integrity.add(Finding.of(FindingCode.REVISION_NOT_COVERED, "the signed bytes of " + name
                    + " end at " + (c + d) + ", not at the end of a revision (%%EOF)"));
        }
        COSObjectKey dictionaryKey = field.valueKey();
        if (dictionaryKey != null) {
            Entry entry = finalEntries.get((int) dictionaryKey.getNumber());
            if (entry != null && (entry.kind() != EntryKind.IN_USE || entry.offset() >= b)) {
                draft.integrity.add(Finding.of(FindingCode.BYTE_RANGE_ANOMALY, "the signature dictionary of " + name
                        + " (object " + dictionaryKey.getNumber() + ") is not the one inside its signed bytes"));
            }
        }
    }

    private static boolean holeIsContents(byte[] pdf, int from, int to, byte[] contents) {
        if (pdf[from] != '<' || pdf[to - 1] != '>') {
            return false;
        }
        java.io.ByteArrayOutputStream decoded = new java.io.ByteArrayOutputStream();
        int high = -1;
        for (int i = from + 1; i < to - 1; i++) {
            int digit = Character.digit(pdf[i], 16);
            if (digit < 0) {
                if (PdfRevisions.isWhite(pdf[i])) {
                    continue;
                }
                return false;
            }
            if (high < 0) {
                high = digit;
            } else {
                decoded.write(high << 4 | digit);
                high = -1;
            }
        }
        if (high >= 0) {
            decoded.write(high << 4);
        }
        return contents != null && Arrays.equals(decoded.toByteArray(), contents);
    }

    /**
     * Later cross-reference sections must only add objects after the bytes they follow, or repeat an entry
     * unchanged; an entry aimed into signed bytes at anything else swaps an object for viewers that trust the
     * table. A revision whose table is missing or unreadable, and bytes after the last %%EOF, escape every
     * signature and the analysis of readers that repair files.
     */
    private static void crossReferences(byte[] pdf, PdfRevisions revisions, List<Draft> drafts,
            List<Finding> documentFindings) {
        List<Revision> all = revisions.revisions();
        // the entries in force before revision k, kept up to date as k advances (one pass, not one merge per k)
        Map<Integer, Entry> previous = new java.util.HashMap<>(all.isEmpty() ? Map.of() : all.get(0).entries());
        for (int k = 1; k < all.size(); k++) {
            Revision revision = all.get(k);
            if (k > 1) {
                previous.putAll(all.get(k - 1).entries());
            }
            List<Draft> before = drafts.stream().filter(d -> d.signedEnd > 0 && d.signedEnd <= revision.start() + 2)
                    .toList();
            if (before.isEmpty()) {
                continue;
            }
            if (revision.startxref() < 0) {
                attach(before, Finding.of(FindingCode.DATA_AFTER_LAST_REVISION, "bytes " + revision.start() + ".."
                        + revision.end() + " end with %%EOF but have no startxref: objects no cross-reference names"));
                continue;
            }
            if (!revision.xrefReadable()) {
                attach(before, Finding.of(FindingCode.XREF_DAMAGED, "revision " + (k + 1) + ": no cross-reference "
                        + "section at offset " + revision.startxref()));
                continue;
            }
            for (Entry entry : revision.entries().values()) {
                Entry earlier = previous.get(entry.number());
                if (entry.equals(earlier)) {
                    continue;
                }
                if (entry.kind() == EntryKind.IN_USE) {
                    if (entry.offset() < revision.start()) {
                        long offset = entry.offset();
                        List<Draft> covering = before.stream().filter(d -> offset < d.signedEnd).toList();
                        attach(covering, Finding.of(FindingCode.XREF_POINTS_INTO_SIGNED_BYTES, "revision " + (k + 1)
                                + " points object " + entry.number() + " to offset " + offset
                                + " inside the signed bytes"));
                    } else if (!revisions.objectHeaderAt(entry.offset(), entry.number(), entry.generation())) {
                        attach(before, Finding.of(FindingCode.XREF_DAMAGED, "revision " + (k + 1) + ": object "
                                + entry.number() + " is not at offset " + entry.offset()));
                    }
                } else if (entry.kind() == EntryKind.COMPRESSED) {
                    Entry stream = revision.entries().getOrDefault(entry.objectStream(), previous.get(entry.objectStream()));
                    if (stream != null && stream.kind() == EntryKind.IN_USE && stream.offset() < revision.start()) {
                        long offset = stream.offset();
                        List<Draft> covering = before.stream().filter(d -> offset < d.signedEnd).toList();
                        attach(covering, Finding.of(FindingCode.XREF_POINTS_INTO_SIGNED_BYTES, "revision " + (k + 1)
                                + " moves object " + entry.number() + " into object stream " + entry.objectStream()
                                + " of the signed bytes"));
                    }
                }
            }
        }
        if (revisions.hasTrailingData()) {
            Finding trailing = Finding.of(FindingCode.DATA_AFTER_LAST_REVISION, (pdf.length - revisions.trailingDataStart())
                    + " bytes after the last %%EOF");
            documentFindings.add(trailing);
            attach(drafts.stream().filter(d -> d.signedEnd > 0).toList(), trailing);
        }
        if (all.size() == PdfRevisions.MAX_REVISIONS) {
            documentFindings.add(Finding.of(FindingCode.OBJECTS_CHANGED, "more than " + PdfRevisions.MAX_REVISIONS
                    + " revisions; the later ones were not analysed"));
            attach(drafts, documentFindings.get(documentFindings.size() - 1));
        }
    }

    /** A certification signature must be the first (ISO 32000-1 §12.8.2.2); a later one rewrites the rules. */
    private static void certificationOrder(List<Draft> drafts) {
        for (int i = 1; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            if (draft.certification != null) {
                Finding finding = Finding.of(FindingCode.CERTIFICATION_NOT_FIRST, "field " + draft.fieldName
                        + " certifies the document after " + i + " earlier signature(s)").with("field", draft.fieldName);
                attach(drafts.subList(0, i), finding);
            }
        }
    }

    private static void compare(byte[] pdf, Draft draft, PDDocument last, RevisionSnapshot lastSnapshot,
            Map<Integer, java.awt.image.BufferedImage> lastPages) {
        try (PDDocument signed = open(pdf, (int) draft.signedEnd)) {
            RevisionSnapshot signedSnapshot = RevisionSnapshot.of(signed);
            draft.changes.addAll(RevisionComparison.compare(signed, last, signedSnapshot, lastSnapshot, lastPages,
                    draft.lockedFields, draft.locksAll));
        } catch (IOException | RuntimeException e) {
            draft.changes.add(Finding.of(FindingCode.OBJECTS_CHANGED, "the signed revision of " + draft.fieldName
                    + " cannot be read on its own: " + e.getClass().getSimpleName()));
        }
    }

    private static void attach(List<Draft> drafts, Finding finding) {
        drafts.forEach(draft -> {
            if (!draft.changes.contains(finding)) {
                draft.changes.add(finding);
            }
        });
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static long[] integers(COSBase value) {
        if (!(value instanceof COSArray array)) {
            return null;
        }
        long[] result = new long[Math.min(array.size(), 64)];
        for (int i = 0; i < result.length; i++) {
            if (!(array.getObject(i) instanceof COSInteger integer)) {
                return null;
            }
            result[i] = integer.longValue();
        }
        return result;
    }
}
