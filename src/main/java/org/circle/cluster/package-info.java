/**
 * Several instances, one clinic: Payara Micro's data grid (Hazelcast) among Circle's instances.
 * Off unless CIRCLE_CLUSTER_MEMBERS and CIRCLE_CLUSTER_PORT, or CIRCLE_CLUSTER_KUBERNETES, say
 * otherwise ({@code launch}, run before Payara starts); then TCP/IP join among exactly the listed
 * members, bound to their addresses, or Kubernetes discovery of the pods behind one service,
 * bound to the pod's address; never multicast or phone-home. This package decides how instances
 * find and see each other, and holds the grid's side of sharing live sessions ({@link
 * org.circle.cluster.GridSharing}; the rooms' side is {@code signaling.control.RoomShare}).
 */
package org.circle.cluster;
