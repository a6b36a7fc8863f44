package be.paraaf.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The packaged agent's entry point (the jpackage app image and {@code .deb}, docs/agent.md), without the service's
 * command line: {@code paraaf-agent [--origin URL]… [--port N] [--module LIB] [--slot-index N] [--settings FILE]}
 * or {@code paraaf-agent --version}. Options override the settings file, which overrides the origin the package
 * was built for ({@code -Dparaaf.agent.origin}).
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--version")) {
            System.out.println("paraaf-agent " + LocalAgent.VERSION + " (protocol " + LocalAgent.PROTOCOL + ")");
            return;
        }
        try {
            AgentSettings settings = parse(args);
            LocalAgent agent = LocalAgent.start(settings, new SwingConsentPrompt());
            System.out.println("paraaf agent " + LocalAgent.VERSION + " listening on http://127.0.0.1:"
                    + agent.port() + " for " + String.join(", ", settings.allowedOrigins()));
        } catch (RuntimeException e) {
            System.err.println("paraaf-agent: " + e.getMessage());
            System.exit(2);
        }
    }

    static AgentSettings parse(String[] args) {
        Path settingsFile = AgentSettings.defaultFile();
        List<String> origins = new ArrayList<>();
        Integer port = null;
        Path module = null;
        Integer slot = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--origin" -> origins.add(value);
                case "--port" -> port = Integer.parseInt(value);
                case "--module" -> module = Path.of(value);
                case "--slot-index" -> slot = Integer.parseInt(value);
                case "--settings" -> settingsFile = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        // the package's own default origin (-Dparaaf.agent.origin, set when it was built) comes last
        List<String> fallback = new ArrayList<>(origins);
        String builtIn = System.getProperty("paraaf.agent.origin");
        if (fallback.isEmpty() && builtIn != null && !builtIn.isBlank()) {
            fallback.add(builtIn);
        }
        AgentSettings file = AgentSettings.read(settingsFile, fallback);
        CardChoice card = file.card();
        return new AgentSettings(port != null ? port : file.port(),
                origins.isEmpty() ? file.allowedOrigins() : new LinkedHashSet<>(origins),
                new CardChoice(module != null ? module : card.moduleLibrary(), slot != null ? slot : card.slotIndex(),
                        card.virtualCardDir()));
    }
}
