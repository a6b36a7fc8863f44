package be.paraaf.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON an audit entry's hash is computed over: members sorted by name, no whitespace, strings
 * escaped as RFC 8785 (JCS) does for the characters that can occur here. Only strings, integers and null.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String entry(String requestId, int sequence, String event, String actor, String documentSha256,
            String details, String occurredAt, String previousHash) {
        // details is itself canonical JSON and is embedded as an object, not as a string
        StringBuilder json = new StringBuilder("{");
        json.append("\"actor\":").append(string(actor));
        json.append(",\"details\":").append(details);
        json.append(",\"documentSha256\":").append(documentSha256 == null ? "null" : string(documentSha256));
        json.append(",\"event\":").append(string(event));
        json.append(",\"occurredAt\":").append(string(occurredAt));
        json.append(",\"previousHash\":").append(string(previousHash));
        json.append(",\"requestId\":").append(string(requestId));
        json.append(",\"sequence\":").append(sequence);
        return json.append('}').toString();
    }

    /** A flat object of strings, members sorted by name; null values are left out. */
    static String object(Map<String, String> members) {
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(members).forEach((name, value) -> {
            if (value != null) {
                json.append(json.length() > 1 ? "," : "").append(string(name)).append(':').append(string(value));
            }
        });
        return json.append('}').toString();
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
