package be.paraaf.prepare;

import java.util.List;
import java.util.Map;

/**
 * What a client needs to use a template: its name, the languages it renders in, the signature fields it
 * creates and the JSON Schema (draft 2020-12) of its input. In {@code signatureFields}, {@code {n}} stands for
 * the 1-based position in an input list ({@code tenant-{n}}: {@code tenant-1}, {@code tenant-2}, …).
 */
public record TemplateInfo(String name, Map<String, String> titles, List<String> languages,
        List<String> signatureFields, Map<String, Object> schema) {
}
