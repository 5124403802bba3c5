/**
 * Consent: the group's versioned agreements and every member's decisions about them. Decides
 * when a member's consent is complete (the admission gate) and keeps the record the way a clinic
 * is audited on it: append-only, durable before acknowledged, refused UPDATE and DELETE by the
 * database itself, exportable by the group's facilitators.
 */
package org.circle.consent;
