package org.circle.cluster.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterLauncherTest {

    @Test
    void thePreBootCommandsGoInAFileOfTheirOwnAfterTheOtherArguments() throws Exception {
        String[] args = ClusterLauncher.withPreBootCommands(new String[] {"--port", "8081"}, List.of("set a=b"));
        assertEquals(List.of("--port", "8081", "--prebootcommandfile"), List.of(args).subList(0, 3));
        assertEquals(List.of("set a=b"), Files.readAllLines(Path.of(args[3])));
    }

    @Test
    void anOperatorsOwnPreBootFileIsKeptWithTheCommandsAfterItsOwn(@TempDir Path dir) throws Exception {
        Path own = Files.write(dir.resolve("mine.txt"), List.of("set x=1"));
        String[] args = ClusterLauncher.withPreBootCommands(
                new String[] {"--prebootcommandfile", own.toString(), "--port", "8081"}, List.of("set a=b"));
        assertEquals(List.of("--port", "8081", "--prebootcommandfile"), List.of(args).subList(0, 3));
        assertEquals(4, args.length, "one pre-boot file: Payara takes only one from the command line");
        assertEquals(List.of("set x=1", "set a=b"), Files.readAllLines(Path.of(args[3])));
    }
}
