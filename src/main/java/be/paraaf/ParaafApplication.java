package be.paraaf;

import be.paraaf.cli.ParaafCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ParaafApplication {

    /** {@code paraaf pki ...} (and later other commands) runs the CLI without Spring; else the service starts. */
    public static void main(String[] args) {
        if (ParaafCli.handles(args)) {
            System.exit(ParaafCli.run(args));
        }
        SpringApplication.run(ParaafApplication.class, args);
    }

    /** The one clock every capability reads, replaceable in tests (signing times, expiry, CRL dates). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
