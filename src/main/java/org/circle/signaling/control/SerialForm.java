package org.circle.signaling.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * A saved room as text for a database column or the data grid: Java's serial form in
 * Base64. Reading accepts only Circle's own saved-state classes and the JDK values inside them.
 */
final class SerialForm {

    private static final ObjectInputFilter ONLY_SAVED_STATE = ObjectInputFilter.Config.createFilter(
            "org.circle.session.*;org.circle.signaling.control.RoomStore$StoredRoom;org.circle.signaling.control.SharedRoom;org.circle.signaling.control.SharedRoom$*;java.time.*;java.util.*;java.lang.*;maxdepth=20;!*");

    private SerialForm() { }

    static String write(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static <T> T read(String text, Class<T> type) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text)))) {
            in.setObjectInputFilter(ONLY_SAVED_STATE);
            return type.cast(in.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a saved room of an unknown shape", e);
        }
    }
}
