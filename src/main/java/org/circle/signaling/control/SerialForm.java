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
 * A saved room as bytes for a sealed database column or the data grid: Java's serial form. Reading
 * accepts only Circle's own saved-state classes and the JDK values inside them. Forms sealed before
 * 2026-12-07 hold the serial form as Base64 text inside the seal; they still read.
 */
final class SerialForm {

    private static final ObjectInputFilter ONLY_SAVED_STATE = ObjectInputFilter.Config.createFilter(
            "org.circle.session.*;org.circle.signaling.control.RoomStore$StoredRoom;org.circle.signaling.control.SharedRoom;org.circle.signaling.control.SharedRoom$*;java.time.*;java.util.*;java.lang.*;maxdepth=20;!*");
    /** How every serial stream begins (java.io.ObjectStreamConstants.STREAM_MAGIC); Base64 text never does. */
    private static final byte MAGIC_0 = (byte) 0xAC;
    private static final byte MAGIC_1 = (byte) 0xED;
    /** A nine-person room's form is about 3.5 KB: one buffer, grown rarely. */
    private static final int FIRST_SIZE = 4096;

    private SerialForm() { }

    static byte[] write(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(FIRST_SIZE);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The form as {@link #write} gave it, or as the Base64 text of it that older versions kept. */
    static <T> T read(byte[] form, Class<T> type) {
        boolean serial = form.length >= 2 && form[0] == MAGIC_0 && form[1] == MAGIC_1;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serial ? form : Base64.getDecoder().decode(form)))) {
            in.setObjectInputFilter(ONLY_SAVED_STATE);
            return type.cast(in.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a saved room of an unknown shape", e);
        }
    }
}
