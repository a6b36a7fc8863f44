package be.paraaf.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data of the embedded default mode ({@code paraaf.demo.*}), for {@link DemoCitizens}. Only the
 * {@code dev} profile seeds, and never together with {@code prod}; application-prod.yml also sets
 * {@code seed=false}.
 *
 * @param seed seed the demo citizens' itsme accounts (and cards) at start and serve
 *        {@code GET /api/dev/demo/citizens}; idempotent across restarts
 * @param virtualCards also create a virtual eID card per demo citizen once the server is up (SoftHSM2 needed;
 *        one child JVM per missing card). Tests switch it off (src/test/resources/config/application.properties)
 *        except the one test that checks it
 */
@ConfigurationProperties("paraaf.demo")
public record DemoProperties(@DefaultValue("false") boolean seed, @DefaultValue("true") boolean virtualCards) {
}
