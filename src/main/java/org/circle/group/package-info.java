/**
 * Therapy groups as a facilitator prepares them: the group, its facilitators and members, the
 * invitation each member joins with, the scheduled sessions, and the single-use tickets that let
 * a person open a session's socket. Decides who may see and change a group (only its
 * facilitators; to anyone else a group does not exist). What an invitee sees through their link
 * is consent's business (consent/boundary), which reads the group from here.
 */
package org.circle.group;
