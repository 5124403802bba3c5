/**
 * The live session as a pure state machine: a command and the time go in; a new state, the
 * events for the people who may know them, and effects for the edges come out. Every rule of
 * the live protocol is decided here (who may admit, what a waiting person may learn, whose turn
 * it is), so that it can be proven by plain tests in milliseconds. No framework, no threads, no
 * clock: the edges bring those. Not thread-safe by design: one writer applies a session's commands.
 */
package org.circle.session;
