package org.circle.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.circle.session.CloseCode;
import org.junit.jupiter.api.Test;

/** The browser reads close codes from one module; it must say what the server's enum says. */
class CloseCodesTest {

    @Test
    void theBrowserKnowsEveryFinalCloseCodeByTheServersName() throws Exception {
        String module = Files.readString(Path.of("web/js/close-codes.js"));
        Map<Integer, String> browser = new TreeMap<>();
        var pair = Pattern.compile("(\\d{4}): '([a-z]+)'").matcher(module);
        while (pair.find()) browser.put(Integer.parseInt(pair.group(1)), pair.group(2));

        Map<Integer, String> server = Arrays.stream(CloseCode.values()).filter(CloseCode::isFinal)
                .collect(Collectors.toMap(CloseCode::code, c -> c.name().toLowerCase(Locale.ROOT), (a, b) -> a, TreeMap::new));
        assertEquals(server, browser);
    }
}
