package be.paraaf.cli;

import be.paraaf.ParaafApplication;
import org.springframework.boot.SpringApplication;

/**
 * The jar's entry point: {@code paraaf pki …}, {@code eid-agent …}, {@code --help} and the other commands run the
 * command line without Spring; anything else starts the web service. It lives here, not beside
 * {@link ParaafApplication}, so the application's root package depends on nothing.
 */
public final class ParaafMain {

    private ParaafMain() {
    }

    public static void main(String[] args) {
        if (ParaafCli.handles(args)) {
            System.exit(ParaafCli.run(args));
        }
        SpringApplication.run(ParaafApplication.class, args);
    }
}
