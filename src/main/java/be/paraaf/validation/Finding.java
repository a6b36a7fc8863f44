package be.paraaf.validation;

import java.util.List;
import java.util.Map;

/**
 * One thing found about a signature or the document, before it is put into words: the code, the pages it
 * concerns (1-based, may be empty), named values for its sentence ({@code field}, {@code subtype} …) and a
 * technical detail for the detailed report (object numbers, offsets), never shown as the plain sentence.
 */
record Finding(FindingCode code, List<Integer> pages, Map<String, String> arguments, String detail) {

    Finding {
        if (code == null) {
            throw new IllegalArgumentException("a finding needs a code");
        }
        pages = pages == null ? List.of() : pages.stream().distinct().sorted().toList();
        arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
        detail = detail == null ? "" : detail;
    }

    static Finding of(FindingCode code, String detail) {
        return new Finding(code, List.of(), Map.of(), detail);
    }

    static Finding onPages(FindingCode code, List<Integer> pages, String detail) {
        return new Finding(code, pages, Map.of(), detail);
    }

    Finding with(String name, String value) {
        java.util.HashMap<String, String> more = new java.util.HashMap<>(arguments);
        if (value != null) {
            more.put(name, value);
        }
        return new Finding(code, pages, more, detail);
    }
}
