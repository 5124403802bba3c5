/**
 * Attendance: the durable record of who waited, who was admitted, who left or was removed, and
 * how long each person held the floor, one row per stint (leaving and coming back is a second
 * stint). Written from the live session's facts; read and exported (CSV) by facilitators.
 */
package org.circle.attendance;
