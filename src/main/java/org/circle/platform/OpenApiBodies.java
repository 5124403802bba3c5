package org.circle.platform;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * The resources take their body as a String under {@code @Consumes(*\/*)} and parse the JSON
 * themselves (JsonBody, with its limits and field-naming refusals), so Payara describes every body
 * as {@code '*\/*': string} beside the shape the annotations give. That entry says nothing a client
 * can use and hides the real one: where a body is described, it is dropped.
 */
public class OpenApiBodies implements OASFilter {

    private static final String ANY = "*/*";

    @Override
    public RequestBody filterRequestBody(RequestBody body) {
        var content = body.getContent();
        if (content != null && content.hasMediaType(ANY) && content.getMediaTypes().size() > 1) content.removeMediaType(ANY);
        return body;
    }
}
