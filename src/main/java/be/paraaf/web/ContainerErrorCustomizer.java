package be.paraaf.web;

import be.paraaf.system.ProblemType;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before Spring sees them (encoded slashes, malformed URIs or headers) would get
 * Tomcat's HTML error page; this valve answers them, like every other error, with an RFC 9457 problem.
 */
@Component
class ContainerErrorCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat instantiates it by class name, hence public with a no-argument constructor. */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String reason = known == null ? "error " + status : known.getReasonPhrase().toLowerCase();
            ProblemType type = ProblemType.forStatus(status);
            String json = "{\"type\":\"" + ProblemDetailsAdvice.TYPE_PREFIX + type.slug() + "\",\"title\":\""
                    + type.title() + "\",\"status\":" + status + ",\"detail\":\"The request was refused before it "
                    + "reached paraaf: " + reason + ".\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away; nothing left to tell it
            }
        }
    }
}
