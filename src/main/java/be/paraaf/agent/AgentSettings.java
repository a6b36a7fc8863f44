package be.paraaf.agent;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The local agent's settings — the only thing it keeps: the port on 127.0.0.1, the web origins it answers (the
 * paraaf service it was downloaded from) and which card to use. Read from {@code agent.properties} in the user's
 * configuration directory ({@link #defaultFile()}); command-line options override it.
 *
 * @param port the loopback port; 0 picks a free one (tests)
 * @param allowedOrigins {@code scheme://host[:port]} of the pages that may use the card, normalised
 * @param card the card to open
 */
public record AgentSettings(int port, Set<String> allowedOrigins, CardChoice card) {

    /** The port the pages look for first ({@code agent.js}). */
    public static final int DEFAULT_PORT = 47210;

    public AgentSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (allowedOrigins == null || allowedOrigins.isEmpty()) {
            throw new IllegalArgumentException("no allowed origin: give the paraaf service's address "
                    + "(--origin https://paraaf.example.be)");
        }
        Set<String> normalised = new LinkedHashSet<>();
        allowedOrigins.forEach(origin -> normalised.add(origin(origin)));
        allowedOrigins = Set.copyOf(normalised);
        if (card == null) {
            card = new CardChoice(null, 0, null);
        }
    }

    /** {@code scheme://host[:port]} of a URL, lower-case, without path: what a browser sends as Origin. */
    public static String origin(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a web address: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("an origin is http(s)://host[:port]: " + url);
        }
        boolean defaultPort = uri.getPort() == -1 || scheme.equals("http") && uri.getPort() == 80
                || scheme.equals("https") && uri.getPort() == 443;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + uri.getPort());
    }

    /** {@code ~/.config/paraaf-agent/agent.properties} (or {@code %APPDATA%\paraaf-agent} on Windows). */
    public static Path defaultFile() {
        String appData = System.getenv("APPDATA");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = appData != null ? Path.of(appData)
                : xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("paraaf-agent").resolve("agent.properties");
    }

    /**
     * Reads {@code file} if it exists: {@code port}, {@code origins} (comma-separated), {@code module},
     * {@code slotIndex}, {@code virtualCard}; {@code fallbackOrigins} when the file names none.
     */
    public static AgentSettings read(Path file, List<String> fallbackOrigins) {
        Properties properties = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the agent's settings " + file, e);
            }
        }
        List<String> origins = new ArrayList<>();
        for (String origin : properties.getProperty("origins", "").split(",")) {
            if (!origin.isBlank()) {
                origins.add(origin.strip());
            }
        }
        if (origins.isEmpty()) {
            origins.addAll(fallbackOrigins);
        }
        String module = properties.getProperty("module");
        String virtualCard = properties.getProperty("virtualCard");
        return new AgentSettings(Integer.parseInt(properties.getProperty("port", String.valueOf(DEFAULT_PORT)).strip()),
                new LinkedHashSet<>(origins), new CardChoice(module == null ? null : Path.of(module),
                        Integer.parseInt(properties.getProperty("slotIndex", "0").strip()),
                        virtualCard == null ? null : Path.of(virtualCard)));
    }
}
