package be.paraaf;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The web service. The jar starts at {@code be.paraaf.cli.ParaafMain}, which also runs the command-line tools. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParaafApplication {

    /** Starts the web service only (tests and child JVMs that need no command line). */
    public static void main(String[] args) {
        SpringApplication.run(ParaafApplication.class, args);
    }

    /** The one clock every capability reads, replaceable in tests (signing times, expiry, CRL dates). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
