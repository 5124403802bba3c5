package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /openapi is a description a client can be generated from: valid OpenAPI, every /api call the code
 * has, each with what it takes and answers, its refusals in the one error shape, and the bearer
 * token on the facilitator calls. Payara's own document had every body as a bare string and no
 * answer shapes at all, which described nothing.
 */
@ExtendWith(CircleServer.class)
class OpenApiDocumentIT {

    private static final Path OUTPUT = Paths.get(System.getProperty("circle.test.output", "target/test-output"));

    private static OpenAPI api;
    private static Map<String, Operation> operations;

    @BeforeAll
    static void read(Circle circle) throws Exception {
        var answer = circle.http().get("/openapi", "application/json");
        assertEquals(200, answer.status(), answer.toString());
        // Payara adds a top-level "endpoints" listing of its own, which OpenAPI does not allow.
        var document = Json.createObjectBuilder(Json.createReader(new StringReader(answer.body())).readObject()).remove("endpoints").build();
        // Kept beside the run's other output, to read what the server described when a check fails.
        Files.createDirectories(OUTPUT);
        Files.writeString(OUTPUT.resolve("openapi.json"), document.toString());
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // every $ref is local; nothing is fetched
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.toString(), null, options);
        assertEquals(List.of(), parsed.getMessages(), "the document is valid OpenAPI");
        api = parsed.getOpenAPI();
        // Unresolved, a $ref to a shape that is not there would pass the parser unnoticed.
        Matcher ref = Pattern.compile("#/components/(schemas|responses)/([A-Za-z0-9_.-]+)").matcher(document.toString());
        while (ref.find()) {
            var named = ref.group(1).equals("schemas") ? api.getComponents().getSchemas() : api.getComponents().getResponses();
            assertTrue(named.containsKey(ref.group(2)), "the document names " + ref.group() + ", which it lacks");
        }
        for (String name : api.getComponents().getSchemas().keySet()) {
            assertTrue(document.toString().contains("\"#/components/schemas/" + name + "\""), "each shape once: nothing names " + name);
        }
        operations = new HashMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                (method, operation) -> operations.put(method.name() + " " + ResourceMethods.normal(path), operation)));
    }

    @Test
    void describesCircleWithItsBearerScheme() {
        assertEquals("Circle", api.getInfo().getTitle());
        assertFalse(api.getInfo().getVersion().isBlank() || api.getInfo().getVersion().contains("${"), api.getInfo().getVersion());
        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearer");
        assertNotNull(bearer, "the bearer scheme");
        assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
        assertEquals("bearer", bearer.getScheme());
    }

    @Test
    void everyResourceMethodIsDescribedFully() throws Exception {
        List<ResourceMethods> methods = ResourceMethods.compiled();
        assertTrue(methods.size() > 30, "found the resources: " + methods);
        List<String> problems = new ArrayList<>();
        for (ResourceMethods m : methods) {
            String call = m.httpMethod() + " " + m.path();
            Operation operation = operations.get(call);
            if (operation == null) {
                problems.add(call + " (" + m.javaName() + ") is missing");
                continue;
            }
            if (m.facilitator() && (operation.getSecurity() == null
                    || operation.getSecurity().stream().noneMatch(r -> r.containsKey("bearer")))) {
                problems.add(call + " is a facilitator call without the bearer requirement");
            }
        }
        operations.forEach((call, operation) -> problems.addAll(describedFully(call, operation)));
        assertEquals(List.of(), problems);
    }

    private static List<String> describedFully(String call, Operation operation) {
        List<String> problems = new ArrayList<>();
        if (operation.getSummary() == null || operation.getSummary().isBlank()) problems.add(call + " has no summary");
        boolean answers = false;
        boolean refusesInErrorBody = false;
        for (var entry : operation.getResponses().entrySet()) {
            String code = entry.getKey();
            ApiResponse response = resolve(entry.getValue());
            if (code.startsWith("2")) {
                if (code.equals("204")) answers = true;
                else if (shaped(response.getContent())) answers = true;
                else problems.add(call + " answers " + code + " without a shape: " + response.getContent());
            }
            if (code.startsWith("4") && response.getContent() != null && !response.getContent().isEmpty() && response.getContent().values().stream()
                    .allMatch(media -> media.getSchema() != null && "#/components/schemas/ErrorBody".equals(media.getSchema().get$ref()))) {
                refusesInErrorBody = true;
            }
        }
        if (!answers) problems.add(call + " has no 2xx answer with a shape");
        if (!refusesInErrorBody) problems.add(call + " declares no 4xx refusal with the ErrorBody");
        if (operation.getRequestBody() != null && !shaped(operation.getRequestBody().getContent())) {
            problems.add(call + " takes a body without a shape: " + operation.getRequestBody().getContent());
        }
        return problems;
    }

    /** Every media type has a schema, and none is the bare string Payara writes for a String parameter. */
    private static boolean shaped(Content content) {
        if (content == null || content.isEmpty()) return false;
        return content.entrySet().stream().allMatch(media -> {
            Schema<?> schema = media.getValue().getSchema();
            if (schema == null) return false;
            return schema.get$ref() != null || !"string".equals(schema.getType());
        });
    }

    private static ApiResponse resolve(ApiResponse response) {
        if (response.get$ref() == null) return response;
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        ApiResponse named = api.getComponents().getResponses().get(name);
        assertNotNull(named, "the response " + response.get$ref());
        return named;
    }
}
