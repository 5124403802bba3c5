package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java 17 has no exhaustive switch over patterns: this proves every command has a handler. */
class CommandCoverageTest {

    @Test
    void everyKindOfCommandIsHandled() throws Exception {
        List<Class<?>> kinds = new ArrayList<>();
        collect(Command.class, kinds);
        assertEquals(43, kinds.size(), "a new command needs a handler in LiveSession and a test here");
        for (Class<?> kind : kinds) {
            RecordComponent[] parts = kind.getRecordComponents();
            Object[] args = new Object[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                args[i] = sample(types[i]);
            }
            Command command = (Command) kind.getDeclaredConstructor(types).newInstance(args);
            Scenario s = Scenario.withFacilitator();
            assertDoesNotThrow(() -> s.session.apply(command, s.now), kind.getSimpleName());
        }
    }

    private static void collect(Class<?> type, List<Class<?>> out) {
        for (Class<?> sub : type.getPermittedSubclasses()) {
            if (sub.isRecord()) out.add(sub); else collect(sub, out);
        }
    }

    private static Object sample(Class<?> type) {
        if (type == String.class) return "F";
        if (type == boolean.class) return true;
        if (type == Boolean.class) return Boolean.TRUE;
        if (type == Integer.class) return 30;
        if (type == Role.class) return Role.PARTICIPANT;
        if (type == List.class) return List.of();
        if (type == java.time.Instant.class) return Scenario.T0;
        return null;
    }
}
