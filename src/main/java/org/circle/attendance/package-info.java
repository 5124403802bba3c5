/**
 * Attendance: the durable record of who waited, who was admitted, who left or was removed, and
 * how long each person held the floor. Written from the live session's facts; read by facilitators.
 */
package org.circle.attendance;
