package be.paraaf.validation.attacks;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObject;

/** Marks PDFBox objects for its incremental save (it writes only what is flagged). */
final class COSBaseUpdates {

    private COSBaseUpdates() {
    }

    static void mark(COSBase base) {
        COSBase resolved = base instanceof COSObject object ? object.getObject() : base;
        if (resolved instanceof COSDictionary dictionary) {
            dictionary.setNeedToBeUpdated(true);
        } else if (resolved instanceof COSArray array) {
            array.setNeedToBeUpdated(true);
        }
    }
}
