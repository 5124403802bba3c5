/**
 * Media between the people of a session, behind one port ({@link org.circle.media.MediaPort})
 * that {@link org.circle.media.MediaServers} picks per session kind. The edge asks the port only
 * when {@code available()} says media passes through a server, and never under a room's lock; the
 * adapter answers through {@link org.circle.media.MediaListener} (candidates, a restarted server).
 * <ul>
 * <li>Mesh (the default, {@link org.circle.media.NoMediaServer#MESH}): browsers connect to each other and the
 * server only relays their signalling between admitted people, a rule the session core decides.
 * <li>Kurento (SFU, {@link org.circle.media.KurentoSfu}): one pipeline per session, one publishing
 * endpoint per admitted person, one subscribing endpoint per viewer and publisher.
 * <li>No media server configured ({@link org.circle.media.NoMediaServer#NOT_CONFIGURED}): SFU frames are refused.
 * </ul>
 * For every adapter the session core says who may publish and whose audio may be forwarded
 * ({@code access}), and the adapter enforces it. A new adapter (Janus) implements the port,
 * takes a {@code MediaListener}, and is chosen in {@code MediaServers}.
 */
package org.circle.media;
