/**
 * What every capability stands on: configuration, the database and its migrations, health,
 * the JSON error contract, security headers and the clock. Nothing here knows about groups,
 * consent or live sessions; it decides only how Circle meets its platform.
 */
package org.circle.platform;
