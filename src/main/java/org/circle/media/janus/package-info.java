/**
 * The SFU through Janus WebRTC Server's VideoRoom plugin, over Janus's WebSocket API with
 * java.net.http and JSON-P. Per live session one room; per person a publisher handle; per viewer
 * and publisher a subscriber handle, whose offer Janus makes. What the session core wants (who may
 * publish, whose audio may be forwarded, who wants to see whom) is kept apart from what Janus has,
 * and every change converges the second onto the first, so calls may come in any order and a
 * restarted Janus is rebuilt from the wishes. Muting is Janus's own {@code moderate}, removal its
 * {@code kick}: enforcement on the wire, whatever a browser sends.
 */
package org.circle.media.janus;
