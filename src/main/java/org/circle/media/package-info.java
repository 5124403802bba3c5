/**
 * Media between the people of a session. Mesh (the default): browsers connect to each other and
 * the server only relays their signalling between admitted people, a rule the session core
 * decides. This package hands browsers the ICE servers they may use.
 */
package org.circle.media;
