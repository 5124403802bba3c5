package org.circle.platform;

import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * Two corrections to what Payara infers from the resources' Java types, which say little: they take
 * their body as a String under {@code @Consumes(*\/*)} and parse the JSON themselves (JsonBody, with
 * its limits and field-naming refusals), and their answers are described by name in
 * META-INF/openapi.yaml. So where a body is described, Payara's {@code '*\/*': string} beside it is
 * dropped; and the schemas it derives from returned records, which nothing names, are dropped too,
 * so that each shape is in the document once.
 */
public class OpenApiDocument implements OASFilter {

    private static final String ANY = "*/*";
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public RequestBody filterRequestBody(RequestBody body) {
        var content = body.getContent();
        if (content != null && content.hasMediaType(ANY) && content.getMediaTypes().size() > 1) content.removeMediaType(ANY);
        return body;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) return;
        Map<String, Schema> named = api.getComponents().getSchemas();
        Deque<Schema> pending = new LinkedList<>(); // takes the nulls of absent parts
        if (api.getPaths() != null) api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null) add(pending, op.getRequestBody().getContent());
            if (op.getParameters() != null) op.getParameters().forEach(p -> pending.add(p.getSchema()));
            if (op.getResponses() != null) op.getResponses().getAPIResponses().values().forEach(r -> add(pending, r.getContent()));
        }));
        if (api.getComponents().getResponses() != null) api.getComponents().getResponses().values().forEach(r -> add(pending, r.getContent()));
        Set<String> used = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema s = pending.pop();
            if (s == null) continue;
            if (s.getRef() != null && s.getRef().startsWith(SCHEMAS) && used.add(s.getRef().substring(SCHEMAS.length()))) {
                pending.add(named.get(s.getRef().substring(SCHEMAS.length())));
            }
            if (s.getProperties() != null) pending.addAll(s.getProperties().values());
            pending.add(s.getItems());
            pending.add(s.getAdditionalPropertiesSchema());
            pending.add(s.getNot());
            Stream.of(s.getAllOf(), s.getAnyOf(), s.getOneOf()).filter(Objects::nonNull).forEach(pending::addAll);
        }
        Set.copyOf(named.keySet()).stream().filter(name -> !used.contains(name)).forEach(api.getComponents()::removeSchema);
    }

    private static void add(Deque<Schema> pending, Content content) {
        if (content != null && content.getMediaTypes() != null) content.getMediaTypes().values().forEach(m -> pending.add(m.getSchema()));
    }
}
