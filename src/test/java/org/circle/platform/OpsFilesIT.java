package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files that cannot run here are still checked by the tools that read them:
 * compose against its schema with every substitution resolved, the systemd unit by systemd.
 */
class OpsFilesIT {

    private record Result(int exit, String output) { }

    @Test
    void composeFileIsValidWithTheExampleSettings(@TempDir Path dir) throws Exception {
        Path ops = Path.of("ops").toAbsolutePath();
        // compose reads env_file relative to the file, so validate a copy beside a filled-in circle.env.
        Files.copy(ops.resolve("compose.yaml"), dir.resolve("compose.yaml"));
        Files.copy(ops.resolve("circle.env.example"), dir.resolve("circle.env"));
        Files.createDirectories(dir.resolve("nginx"));
        Files.copy(ops.resolve("nginx/circle.conf"), dir.resolve("nginx/circle.conf"));
        Result config = run(dir, "docker-compose", "-p", "circle", "--env-file", "circle.env", "-f", "compose.yaml", "config");
        assertEquals(0, config.exit(), config.output());
        for (String service : List.of("circle:", "mysql:", "kurento:", "coturn:", "proxy:")) {
            assertTrue(config.output().contains("\n  " + service), "service " + service + " in " + config.output());
        }
        assertTrue(config.output().contains("healthcheck"), "health checks are declared");
        assertTrue(config.output().contains("CIRCLE_DB_PASSWORD: change-me"), "secrets come from the env file");
        assertTrue(config.output().contains("CIRCLE_DB_MIGRATION_USER: circle_migrate"), "Circle migrates as the migration account");
        assertFalse(config.output().contains("MYSQL_USER"), "no account with every privilege: " + config.output());
        assertFalse(Files.readString(ops.resolve("compose.yaml")).contains("change-me"), "no secret is written into compose.yaml");
        assertTrue(Files.readString(Path.of(".gitignore")).contains("circle.env")
                || Files.readString(ops.resolve(".gitignore")).contains("circle.env"), "the real env file is never committed");
    }

    @Test
    void janusOverrideSwapsTheMediaServer(@TempDir Path dir) throws Exception {
        Path ops = Path.of("ops").toAbsolutePath();
        for (String file : List.of("compose.yaml", "compose.janus.yaml")) Files.copy(ops.resolve(file), dir.resolve(file));
        Files.copy(ops.resolve("circle.env.example"), dir.resolve("circle.env"));
        Files.createDirectories(dir.resolve("janus")); // the build context must exist
        Result config = run(dir, "docker-compose", "-p", "circle", "--env-file", "circle.env", "-f", "compose.yaml", "-f", "compose.janus.yaml", "config");
        assertEquals(0, config.exit(), config.output());
        assertTrue(config.output().contains("\n  janus:"), "a janus service: " + config.output());
        assertTrue(config.output().contains("CIRCLE_JANUS_URL: ws://janus:8188"), "Circle is pointed at Janus");
        assertTrue(config.output().contains("CIRCLE_KMS_URL: ''"), "and not at Kurento: " + config.output());
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Result verify = run(Path.of("."), "systemd-analyze", "verify", Path.of("ops/systemd/circle.service").toAbsolutePath().toString());
        assertEquals(0, verify.exit(), verify.output());
        assertFalse(verify.output().contains("Unknown") || verify.output().contains("Failed"), verify.output());
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Result(process.waitFor(), output);
    }
}
