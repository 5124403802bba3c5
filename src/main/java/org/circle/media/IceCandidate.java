package org.circle.media;

public record IceCandidate(String candidate, String sdpMid, int sdpMLineIndex) { }
