// REST calls to Circle. Every refusal becomes an Error whose message a person can read.

const SENTENCES = {
  UNAUTHENTICATED: 'Please sign in again.',
  BAD_CREDENTIALS: 'That email and password do not match.',
  RATE_LIMITED: 'Too many attempts. Please wait a little and try again.',
  NOT_FOUND: 'This link is no longer valid. Please ask your facilitator for a new one.',
  STALE_VERSION: 'The agreement was updated a moment ago. Please read the new version.',
  SESSION_ENDED: 'This session has ended.',
  SESSION_CANCELLED: 'This session has been cancelled.',
  SESSION_NOT_OPEN: 'The waiting room is not open yet.',
  LOCKED: 'The session is locked right now. Your facilitator can let you in.',
  ALREADY_SET_UP: 'Circle is already set up. Please sign in.',
};

export class Problem extends Error {
  constructor(code, message, field) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

export async function api(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new Problem('OFFLINE', 'Circle cannot be reached. Please check your connection and try again.');
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const code = data?.code ?? 'INTERNAL';
    throw new Problem(code, SENTENCES[code] ?? data?.message ?? 'Something went wrong. Please try again.', data?.field);
  }
  return data;
}
