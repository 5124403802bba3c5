/**
 * Consent: the group's versioned agreements and every member's decisions about them. Decides
 * when a member's consent is complete (the admission gate) and keeps the record the way a clinic
 * is audited on it: append-only, durable before acknowledged, refused UPDATE and DELETE by the
 * database itself, exportable by the group's facilitators. The invitee's side of their link lives
 * here too: what they may learn (their name, the group's, the next sessions, the agreements) and
 * the decisions they make.
 */
package org.circle.consent;
