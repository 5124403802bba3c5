package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * persistence.xml lists Circle's entities and converters (so that EclipseLink does not read every
 * class at every start): a new entity that is not listed would be unknown to JPA at run time.
 */
class PersistenceUnitTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern LISTED = Pattern.compile("<class>([\\w.]+)</class>");

    @Test
    void everyEntityAndConverterIsListedAndNothingElse() throws Exception {
        TreeSet<String> mapped = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("org/circle"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Converter.class)
                        || type.isAnnotationPresent(Embeddable.class) || type.isAnnotationPresent(MappedSuperclass.class)) {
                    mapped.add(name);
                }
            }
        }
        assertTrue(mapped.size() > 10, "the scan found the entities: " + mapped);
        assertEquals(mapped, listed(), "persistence.xml's <class> list");
    }

    private static TreeSet<String> listed() throws IOException {
        String xml = Files.readString(Path.of("src/main/resources/META-INF/persistence.xml"));
        assertTrue(xml.contains("<exclude-unlisted-classes>true</exclude-unlisted-classes>"), "only the listed classes are read");
        TreeSet<String> listed = new TreeSet<>();
        Matcher m = LISTED.matcher(xml);
        while (m.find()) listed.add(m.group(1));
        return listed;
    }
}
