package org.circle.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where the container sends every error it answers itself (a static file that is not there, a
 * method a page does not take): the JSON error body instead of Payara's HTML page, which named
 * the server and its version. Mapped for every status in WEB-INF/web.xml.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer n ? n : 404;
        if (status < 400) status = 404;
        String message = switch (status) {
            case 404 -> "Not found.";
            case 405 -> "That method is not allowed here.";
            case 413 -> "The request body is too large.";
            default -> status >= 500 ? "Something went wrong on our side." : "The request could not be understood.";
        };
        response.resetBuffer();
        ErrorBody.write(response, status, status >= 500 ? "INTERNAL" : UnexpectedErrorMapper.codeFor(status), message, null);
    }
}
