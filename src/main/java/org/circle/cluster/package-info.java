/**
 * Several instances, one clinic: Payara Micro's data grid (Hazelcast) among Circle's instances.
 * Off unless CIRCLE_CLUSTER_MEMBERS and CIRCLE_CLUSTER_PORT say otherwise ({@code launch}, run
 * before Payara starts); then TCP/IP join among exactly the listed members, bound to their
 * addresses, with no multicast, discovery or phone-home. This package decides how instances find
 * and see each other; it does not yet share live sessions (issue 21, later milestones).
 */
package org.circle.cluster;
