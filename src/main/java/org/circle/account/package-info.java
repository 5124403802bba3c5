/**
 * Facilitators: first-run setup, colleagues, passwords and login tokens. Decides who may act as
 * a facilitator; participants never hold an account (their invitation is their credential).
 */
package org.circle.account;
