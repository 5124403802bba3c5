package org.circle.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ApiErrorMapper implements ExceptionMapper<ApiError> {
    @Override
    public Response toResponse(ApiError error) {
        return error.toResponse();
    }
}
