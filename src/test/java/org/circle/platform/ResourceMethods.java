package org.circle.platform;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.circle.account.boundary.SignedIn;

/**
 * Every JAX-RS resource method Circle compiles, found by reading target/classes rather than a list:
 * a resource added tomorrow is checked against /openapi without anyone remembering to name it.
 */
record ResourceMethods(String httpMethod, String path, boolean facilitator, String javaName) {

    private static final Map<Class<? extends Annotation>, String> VERBS =
            Map.of(GET.class, "GET", POST.class, "POST", PUT.class, "PUT", PATCH.class, "PATCH", DELETE.class, "DELETE");

    static List<ResourceMethods> compiled() throws IOException {
        java.nio.file.Path root = Paths.get("target", "classes");
        List<ResourceMethods> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("org/circle"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (type.isAnnotationPresent(Path.class)) found.addAll(of(type));
            }
        }
        return found;
    }

    private static List<ResourceMethods> of(Class<?> type) {
        List<ResourceMethods> found = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            for (var verb : VERBS.entrySet()) {
                if (!m.isAnnotationPresent(verb.getKey())) continue;
                String path = "/api/" + type.getAnnotation(Path.class).value()
                        + (m.isAnnotationPresent(Path.class) ? "/" + m.getAnnotation(Path.class).value() : "");
                boolean facilitator = type.isAnnotationPresent(SignedIn.class) || m.isAnnotationPresent(SignedIn.class)
                        || Arrays.stream(m.getParameters()).anyMatch(p -> p.isAnnotationPresent(HeaderParam.class)
                                && p.getAnnotation(HeaderParam.class).value().equalsIgnoreCase(HttpHeaders.AUTHORIZATION));
                found.add(new ResourceMethods(verb.getValue(), normal(path), facilitator, type.getSimpleName() + "." + m.getName()));
            }
        }
        return found;
    }

    /** One spelling for a path in the code and in the document: single slashes, none at the end, parameters unnamed. */
    static String normal(String path) {
        String p = path.replaceAll("/+", "/").replaceAll("\\{[^}]*}", "{}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ResourceMethods.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }
}
