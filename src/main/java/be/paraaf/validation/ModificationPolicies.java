package be.paraaf.validation;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The named modification policies of {@code modification-policies.json}; a broken file fails the start. */
final class ModificationPolicies {

    static final String RESOURCE = "/be/paraaf/validation/modification-policies.json";

    private final Map<String, ModificationPolicy> byName;

    private ModificationPolicies(Map<String, ModificationPolicy> byName) {
        this.byName = byName;
    }

    static ModificationPolicies load() {
        try (InputStream in = ModificationPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            ModificationPolicy[] policies = JsonMapper.builder().build().readValue(in, ModificationPolicy[].class);
            Map<String, ModificationPolicy> byName = new LinkedHashMap<>();
            for (ModificationPolicy policy : policies) {
                if (byName.put(policy.name(), policy) != null) {
                    throw new IllegalStateException(RESOURCE + " names policy " + policy.name() + " twice");
                }
            }
            return new ModificationPolicies(Map.copyOf(byName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getOriginalMessage(), e);
        }
    }

    ModificationPolicy get(String name) {
        ModificationPolicy policy = byName.get(name);
        if (policy == null) {
            throw new InvalidInputException(ProblemType.UNKNOWN_POLICY,
                    "Unknown validation policy '" + name + "': use one of "
                    + String.join(", ", byName.keySet().stream().sorted().toList()) + ".");
        }
        return policy;
    }

    boolean contains(String name) {
        return byName.containsKey(name);
    }
}
