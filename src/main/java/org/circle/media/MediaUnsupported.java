package org.circle.media;

/** The request is well formed but this adapter does not do it that way (the client hears BAD_MESSAGE and how to ask). */
public class MediaUnsupported extends MediaUnavailable {
    public MediaUnsupported(String message) {
        super(message);
    }
}
