package org.circle.cluster.launch;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Main-Class of circle.jar (pom.xml puts it there, in front of Payara Micro's own): reads
 * the CIRCLE_CLUSTER_* settings ({@link ClusterSettings}), and only when they are set turns
 * Payara's data grid on, for exactly the listed members or the pods behind a Kubernetes service. Payara reads no environment of its own for this, and its
 * boot properties are baked into the jar; a property set here, before Payara starts, wins over
 * the baked one. Without the variables the arguments go to Payara untouched: the single instance
 * starts as it always has.
 */
public final class ClusterLauncher {

    private static final String PAYARA_MAIN = "fish.payara.micro.PayaraMicro";
    private static final String PRE_BOOT_FLAG = "--prebootcommandfile";

    private ClusterLauncher() {}

    public static void main(String[] args) throws Throwable {
        ClusterSettings settings;
        try {
            settings = ClusterSettings.from(System.getenv());
        } catch (ClusterSettings.Refused refused) {
            System.err.println("Circle cannot start: " + refused.getMessage());
            System.exit(2);
            return;
        }
        startPayara(settings == null ? args : clustered(settings, args));
    }

    /** Sets the boot properties an operator has not set with -D, and adds the pre-boot commands. */
    static String[] clustered(ClusterSettings settings, String[] args) throws IOException {
        settings.bootProperties().forEach((key, value) -> {
            if (System.getProperty(key) == null) System.setProperty(key, value);
        });
        System.err.println("Circle: data grid on, " + settings.describe());
        return withPreBootCommands(args, settings.preBootCommands());
    }

    /**
     * Payara takes one pre-boot file from the command line (after the bundle's own): an operator's
     * file is kept, with these commands after its own.
     */
    static String[] withPreBootCommands(String[] args, List<String> commands) throws IOException {
        List<String> out = new ArrayList<>(List.of(args));
        List<String> lines = new ArrayList<>();
        int flag = out.indexOf(PRE_BOOT_FLAG);
        if (flag >= 0 && flag + 1 < out.size()) {
            lines.addAll(Files.readAllLines(Path.of(out.get(flag + 1))));
            out.remove(flag + 1);
            out.remove(flag);
        }
        lines.addAll(commands);
        Path file = Files.createTempFile("circle-pre-boot", ".txt");
        file.toFile().deleteOnExit();
        Files.write(file, lines);
        out.add(PRE_BOOT_FLAG);
        out.add(file.toString());
        return out.toArray(String[]::new);
    }

    private static void startPayara(String[] args) throws Throwable {
        try {
            Class.forName(PAYARA_MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
