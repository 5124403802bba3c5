/**
 * Media between the people of a session, behind one port with two adapters. Mesh (the default):
 * browsers connect to each other and the server only relays their signalling between admitted
 * people, a rule the session core decides. Kurento (SFU): one pipeline per session, one publishing
 * endpoint per admitted person, one subscribing endpoint per viewer and publisher; the session core
 * says who may publish and whose audio may be forwarded, and the adapter enforces it.
 */
package org.circle.media;
