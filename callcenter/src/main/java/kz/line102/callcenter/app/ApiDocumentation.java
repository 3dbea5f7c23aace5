package kz.line102.callcenter.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}; IT staff
 * only, see security): every endpoint springdoc finds, the two ways to sign in (the browser
 * session's cookie after the sign-in form, HTTP Basic), and the one shape of every error,
 * the {@code Problem}, with every stable {@code code} the server answers with. The codes and
 * their meaning come from the message bundle ({@code problem.<code>}), the same place the
 * users' texts come from, so the list cannot drift from what the server says.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI line102OpenApi(@Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
        return new OpenAPI()
                .info(new Info().title("Line 102 API").version("v1")
                        .description("The police 102 call centre's API. Sign in with the sign-in form (the browser "
                                + "session's cookie, and the CSRF token of GET /api/v1/session on every change) or "
                                + "with HTTP Basic on each request. Every error is an RFC 9457 problem document "
                                + "(application/problem+json) with a stable `code`; its `detail` is in the "
                                + "request's language (the line102.lang cookie, else Accept-Language: ru, kk, en)."))
                .components(new Components()
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name(sessionCookie)
                                .description("The session of the sign-in form (POST /login with username and "
                                        + "password); changes carry the CSRF token of GET /api/v1/session"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("HTTP Basic on each request (no CSRF token needed)")))
                .addSecurityItem(new SecurityRequirement().addList("session"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** The Problem schema with every code, and the problem answers on every operation. */
    @Bean
    OpenApiCustomizer line102Problems() {
        Map<String, String> codes = problemCodes();
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas(FIELD_PROBLEM, fieldProblem());
            components.addSchemas(PROBLEM, problem(codes));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(ApiDocumentation::answers));
        };
    }

    /**
     * What any operation may answer besides its success: bad input (400), not signed in
     * (401), not for this role (403), too many requests (429), and every other error.
     */
    private static void answers(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        answer(responses, "400", "The request was not accepted (invalid-request, invalid-parameter, "
                + "missing-parameter, request-rejected, ...)");
        answer(responses, "401", "Not signed in (unauthenticated)");
        answer(responses, "403", "Not allowed for this role (forbidden) or this user (need-to-know)");
        answer(responses, "429", "Too many requests (too-many-requests); Retry-After says when to come back");
        answer(responses, "default", "Any other error, as a problem document with its code");
        operation.setResponses(responses);
    }

    private static void answer(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(
                        "#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problem(Map<String, String> codes) {
        StringSchema code = new StringSchema();
        code.setEnum(List.copyOf(codes.keySet()));
        StringBuilder meaning = new StringBuilder("The stable code clients test (the detail is for people). Codes:");
        codes.forEach((c, text) -> meaning.append("\n- `").append(c).append("`: ").append(text));
        code.description(meaning.toString());
        return new ObjectSchema().description("RFC 9457 problem document: every error the server sends")
                .addProperty("type", new StringSchema().example("urn:line102:problem:invalid-request"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().description("For people, in the request's language"))
                .addProperty("instance", new StringSchema().example("/api/v1/incidents"))
                .addProperty("code", code)
                .addProperty("reason", new StringSchema().description("The server's own English words, for support"))
                .addProperty("key", new StringSchema().description("The bundle key of detail when more precise "
                        + "than problem.<code>"))
                .addProperty("args", new ArraySchema().items(new Schema<>()).description("The values in detail"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/"
                        + FIELD_PROBLEM)).description("The fields at fault, when there are some"))
                .required(List.of("type", "status", "code"));
    }

    private static Schema<?> fieldProblem() {
        return new ObjectSchema().description("One field at fault: its name as the body names it, a stable code "
                        + "(field.<code> of the bundle) and the message in the request's language")
                .addProperty("field", new StringSchema().example("rules[0].when.from"))
                .addProperty("code", new StringSchema().example("wrong-time"))
                .addProperty("message", new StringSchema())
                .addProperty("args", new ArraySchema().items(new Schema<>()));
    }

    /** {@code problem.<code>} of the English bundle: the code and its meaning, sorted by code. */
    static Map<String, String> problemCodes() {
        Properties bundle = new Properties();
        try (InputStream in = ApiDocumentation.class.getClassLoader()
                .getResourceAsStream(I18nConfiguration.BASENAME + "_en.properties")) {
            if (in == null) {
                throw new IllegalStateException("no " + I18nConfiguration.BASENAME + "_en.properties");
            }
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> codes = new TreeMap<>();
        bundle.stringPropertyNames().stream()
                .filter(k -> k.startsWith("problem.") && k.indexOf('.', "problem.".length()) < 0)
                .forEach(k -> codes.put(k.substring("problem.".length()),
                        bundle.getProperty(k).replace("''", "'")));
        return codes;
    }
}
