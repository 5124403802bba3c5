/**
 * The WebSocket edge of a live session. It authenticates a socket by its first {@code hello},
 * parses frames into commands for the session core, applies each session's commands one at a
 * time, and turns the core's events into frames for its own sockets. It decides no rule of the
 * session: who may do what is the core's business. It does enforce the transport limits (frame
 * size, rate, hello deadline, slow consumers), because those protect the server, not the group.
 * <p>
 * {@code control.Room} is the one door to a live session (join, apply, leave, and the SFU frames):
 * it owns the session's lock, its connections, its ordered durable writes and its resume tokens.
 * {@code Rooms} only finds or opens rooms; a {@code Connection} is only ever told things; and
 * {@code ServerFrames} writes every outgoing frame.
 */
package org.circle.signaling;
