package be.paraaf.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Wrong JSON for an endpoint: wrong shapes, each member with a wrong type or missing, broken and deep text. */
final class JsonMutations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> WRONG_VALUES = List.of("null", "[]", "{}", "\"\"", "0", "-1", "1e999999",
            "true", "\"x\"", "[1,2]", "{\"a\":{}}", "\"" + "z".repeat(100_000) + "\"", "\"\\u0000\\ud800\"",
            "12345678901234567890123456789", "\"2030-02-30\"", "\"9999-99-99T99:99:99Z\"");

    private JsonMutations() {
    }

    static List<String> of(String seed, Random random) {
        List<String> all = new ArrayList<>(List.of("null", "[]", "[" + seed + "]", "\"text\"", "42", "true", "{}",
                "", " ", "{", "{\"a\":", "[" .repeat(50_000), "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000),
                seed.substring(0, seed.length() / 2), seed + "x", "{'single':'quotes'}", "{\"a\":1,\"a\":2}",
                "\u00ef\u00bb\u00bf" + seed, "/* comment */" + seed));
        JsonNode tree = JSON.readTree(seed);
        if (tree instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                ObjectNode without = object.deepCopy();
                without.remove(member.getKey());
                all.add(without.toString());
                for (int i = 0; i < 3; i++) {
                    ObjectNode wrong = object.deepCopy();
                    wrong.set(member.getKey(), JSON.readTree(WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size()))));
                    all.add(wrong.toString());
                }
                if (member.getValue().isArray() && !member.getValue().isEmpty()
                        && member.getValue().get(0) instanceof ObjectNode element) {
                    for (String key : element.propertyNames()) {
                        ObjectNode nested = object.deepCopy();
                        ((ObjectNode) nested.get(member.getKey()).get(0)).set(key,
                                JSON.readTree(WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size()))));
                        all.add(nested.toString());
                    }
                }
            }
        }
        return all;
    }
}
