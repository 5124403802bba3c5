// REST calls to Circle. Every refusal becomes an Error whose message a person can read.

import { t } from './strings.js';

// Keys of the string catalogue; the server's own message where there is none.
const SENTENCES = {
  UNAUTHENTICATED: 'api.UNAUTHENTICATED',
  BAD_CREDENTIALS: 'api.BAD_CREDENTIALS',
  RATE_LIMITED: 'api.RATE_LIMITED',
  NOT_FOUND: 'api.NOT_FOUND',
  STALE_VERSION: 'api.STALE_VERSION',
  SESSION_ENDED: 'api.SESSION_ENDED',
  SESSION_CANCELLED: 'api.SESSION_CANCELLED',
  SESSION_NOT_OPEN: 'api.SESSION_NOT_OPEN',
  LOCKED: 'api.LOCKED',
  ALREADY_SET_UP: 'api.ALREADY_SET_UP',
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
    throw new Problem('OFFLINE', t('api.offline'));
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const code = data?.code ?? 'INTERNAL';
    throw new Problem(code, (SENTENCES[code] ? t(SENTENCES[code]) : null) ?? data?.message ?? t('api.unknown'), data?.field);
  }
  return data;
}
