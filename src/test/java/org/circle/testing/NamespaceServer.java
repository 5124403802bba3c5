package org.circle.testing;

import java.util.HashMap;
import java.util.Map;
import org.circle.testing.CircleServer.Circle;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for mesh browser tests that run inside the throwaway network namespace
 * (Failsafe's sfu-browser execution, ops/sfu/netns-run.sh), so that their media travels over the
 * namespace's veth pair and never over the machine's own interface. The host's MariaDB is not
 * reachable in there, so the one Circle shared by these tests runs on its embedded database;
 * outside the namespace the tests are skipped, saying why. Tests receive a {@link Circle} parameter.
 */
public final class NamespaceServer implements ParameterResolver {

    private record Shared(Circle circle) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() { circle.process().close(); }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Circle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Namespace.requireAddress();
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Shared.class, k -> start(), Shared.class).circle();
    }

    /** As the shared MariaDB server starts ({@link CircleServer}), but on the embedded database. */
    private static Shared start() {
        Map<String, String> env = new HashMap<>(CircleServer.extraEnv());
        env.put("CIRCLE_SETUP_CODE", CircleServer.SETUP_CODE);
        CircleProcess process = new CircleProcess("mesh-netns", env);
        process.withEnv("CIRCLE_PUBLIC_URL", process.baseUrl()).start();
        Http http = new Http(process.baseUrl());
        return new Shared(new Circle(process, null, http, CircleServer.setUp(http)));
    }
}
