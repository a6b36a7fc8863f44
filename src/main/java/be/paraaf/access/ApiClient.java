package be.paraaf.access;

/**
 * A caller of paraaf's API (a housing agency, an integrator). Documents belong to one client.
 *
 * @param id stable identifier, e.g. {@code woonpunt-demo}
 * @param name display name
 * @param demo seeded demo client with a published key; refused unless demo clients are enabled
 */
public record ApiClient(String id, String name, boolean demo) {

    public ApiClient {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw new IllegalArgumentException("client id must be 2-64 lowercase letters, digits or '-'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("client name is required");
        }
    }
}
