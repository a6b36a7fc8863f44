package be.paraaf.prepare;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The XMP (ISO 16684-1) of a rendered template: PDF/A-2 level A identification, the PDF/UA-1 identification
 * (ISO 14289-1 §5) with the extension schema PDF/A requires for its namespace, and the same title, producer
 * and creation time as /Info (PDF/A 6.6.2.3 wants them equal).
 */
final class PdfUaXmp {

    private PdfUaXmp() {
    }

    static String of(String title, Language language, Instant created) {
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.atOffset(ZoneOffset.UTC));
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
                + "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
                + "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                + "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                + "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
                + "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
                + "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
                + "   <pdfaid:part>2</pdfaid:part>\n"
                + "   <pdfaid:conformance>A</pdfaid:conformance>\n"
                + "   <pdfuaid:part>1</pdfuaid:part>\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title)
                + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <dc:language><rdf:Bag><rdf:li>" + language.locale().toLanguageTag()
                + "</rdf:li></rdf:Bag></dc:language>\n"
                + "   <pdf:Producer>paraaf</pdf:Producer>\n"
                + "   <xmp:CreatorTool>paraaf templates</xmp:CreatorTool>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n"
                + "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
                + "     <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
                + "     <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
                + "     <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
                + "     <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
                + "       <pdfaProperty:name>part</pdfaProperty:name>\n"
                + "       <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
                + "       <pdfaProperty:category>internal</pdfaProperty:category>\n"
                + "       <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>\n"
                + "     </rdf:li></rdf:Seq></pdfaSchema:property>\n"
                + "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
