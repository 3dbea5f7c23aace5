package kz.line102.callcenter.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat refuses before the application sees the request (an encoded slash or
 * backslash, a character not allowed in the address, a bad percent-escape, a control
 * character in a header, a malformed Host) is a problem document like every other error,
 * in the request's language, not the container's HTML page. Tomcat's error report valve
 * is replaced with one that writes the problem; what the application answered itself
 * (its own problems, the error controller's pages) is left as it is.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // Boot adds the context to its host before the customizers run, and starts the host later:
        // the host then finds its error valve already there and adds no other.
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.getPipeline().addValve(new ProblemReportValve());
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, written as a problem document. */
    static final class ProblemReportValve extends ErrorReportValve {

        private static final Logger log = LoggerFactory.getLogger(ContainerProblems.class);
        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String code = code(status);
            Locale locale = locale(request);
            String reason = known == null ? Integer.toString(status) : known.getReasonPhrase();
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "urn:line102:problem:" + code);
            problem.put("title", reason);
            problem.put("status", status);
            problem.put("detail", ProblemTexts.text("problem." + code, List.of(), locale, reason));
            problem.put("code", code);
            String message = response.getMessage();
            if (message != null && !message.isBlank()) {
                problem.put("reason", message);
            }
            log.info("{} {} -> {} {} (refused by the container): {}", request.getMethod(),
                    PersonalData.uri(String.valueOf(request.getRequestURI())), status, code,
                    throwable != null ? throwable.toString() : message);
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("problem for a refused request not written: {}", e.toString());
            }
        }

        private static String code(int status) {
            return switch (status) {
                case 400 -> ProblemCodes.REQUEST_REJECTED;
                case 404 -> ProblemCodes.NOT_FOUND;
                case 405 -> ProblemCodes.METHOD_NOT_ALLOWED;
                case 413 -> ProblemCodes.REQUEST_TOO_LARGE;
                default -> status >= 500 ? "internal-error" : "request-rejected";
            };
        }

        /** The request's language, when what the container could read of it says one; else Russian. */
        private static Locale locale(Request request) {
            try {
                return ProblemTexts.locale(request);
            } catch (RuntimeException e) {
                return I18nConfiguration.DEFAULT;
            }
        }
    }
}
