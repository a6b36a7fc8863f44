package be.paraaf.pdf;

import be.paraaf.system.InvalidInputException;
import be.paraaf.system.ProblemType;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Walks the page tree (ISO 32000-1 §7.7.3) once, iteratively, with a bound on depth and nodes and a set of the
 * nodes already seen, before anything else reads it: a tree that loops (a /Kids entry naming the node itself or an
 * ancestor), is nested absurdly deep, holds something other than page nodes, or whose /Count disagrees with the pages
 * it really holds would make PDFBox and DSS loop, overflow the stack or fail on page n later. Such a file is refused
 * with a 422 saying what is wrong.
 */
final class PageTree {

    /** Far beyond any real document (balanced trees of millions of pages are 10 to 20 levels deep). */
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 200_000;

    private record Node(COSDictionary dictionary, int depth) {
    }

    private PageTree() {
    }

    static void check(PDDocument document) {
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        if (!(resolve(catalog.getItem(COSName.PAGES)) instanceof COSDictionary root)) {
            throw damaged("it has no page tree (the catalog's /Pages is missing or not a dictionary).");
        }
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(new Node(root, 1));
        seen.add(root);
        int pages = 0;
        int nodes = 0;
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (++nodes > MAX_NODES) {
                throw damaged("its page tree has more than " + MAX_NODES + " nodes.");
            }
            COSBase kids = resolve(node.dictionary().getItem(COSName.KIDS));
            boolean leaf = COSName.PAGE.equals(node.dictionary().getCOSName(COSName.TYPE))
                    || !(kids instanceof COSArray) && node.depth() > 1;
            if (leaf) {
                pages++;
                continue;
            }
            if (!(kids instanceof COSArray array)) {
                throw damaged("a node of its page tree has no /Kids list.");
            }
            if (node.depth() >= MAX_DEPTH) {
                throw damaged("its page tree is nested more than " + MAX_DEPTH + " levels deep.");
            }
            for (int i = array.size() - 1; i >= 0; i--) {
                if (!(resolve(array.get(i)) instanceof COSDictionary kid)) {
                    throw damaged("its page tree lists something that is not a page (kid " + (i + 1) + " of a node).");
                }
                if (!seen.add(kid)) {
                    throw damaged("its page tree loops: a node is listed as its own descendant or twice.");
                }
                pending.push(new Node(kid, node.depth() + 1));
            }
        }
        int declared = root.getInt(COSName.COUNT, -1);
        if (declared != pages) {
            throw damaged("its page tree holds " + pages + " page(s) but declares /Count " + declared + ".",
                    Map.of("pageCount", pages));
        }
    }

    private static COSBase resolve(COSBase value) {
        return value instanceof COSObject object ? object.getObject() : value;
    }

    private static InvalidInputException damaged(String why) {
        return damaged(why, Map.of());
    }

    private static InvalidInputException damaged(String why, Map<String, Object> properties) {
        return new InvalidInputException(ProblemType.DAMAGED_DOCUMENT, "The PDF cannot be used: " + why,
                properties, null);
    }
}
