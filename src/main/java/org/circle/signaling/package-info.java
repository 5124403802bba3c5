/**
 * The WebSocket edge of a live session. It authenticates a socket by its first {@code hello},
 * parses frames into commands for the session core, applies each session's commands one at a
 * time, and turns the core's events into frames for its own sockets. It decides no rule of the
 * session: who may do what is the core's business. It does enforce the transport limits (frame
 * size, rate, hello deadline, slow consumers), because those protect the server, not the group.
 */
package org.circle.signaling;
