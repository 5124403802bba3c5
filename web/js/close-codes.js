// Why the server closed the live socket: the codes of the server's CloseCode enum (CloseCodesTest
// holds the two together). After any of these the page does not try to reconnect.
export const CLOSE_REASONS = {
  1000: 'left', 4001: 'removed', 4002: 'ended', 4003: 'denied', 4004: 'revoked', 4005: 'replaced',
};
