// Every word of Circle's pages, in one place per language, and times as the viewer reads them:
// in their language and their own time zone, with the zone named where a time stands alone.
// The language is the first of the browser's languages that Circle speaks; English otherwise.
import { en } from './strings-en.js';
import { de } from './strings-de.js';

const CATALOGUES = { en, de };

const WANTED = navigator.languages?.length ? navigator.languages : [navigator.language];
const base = (tag) => String(tag).toLowerCase().split('-')[0];

export const lang = WANTED.map(base).find((l) => CATALOGUES[l]) ?? 'en';
/** The viewer's own regional form of that language for dates and times (en-GB writes 14:30, en-US 2:30 PM). */
export const locale = WANTED.find((tag) => base(tag) === lang) ?? lang;

/** The text for a key, with {name}-style placeholders filled; a key missing in a language falls back to English. */
export function t(key, values = {}) {
  const text = CATALOGUES[lang][key] ?? en[key];
  if (text === undefined) { console.warn(`no text for ${key}`); return key; }
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/**
 * The text for a key in the viewer's language only, or null. The server writes its refusals in
 * English, often more precisely than a general sentence could: English pages keep the server's,
 * other languages take the catalogue's sentence for the refusal's code (live.js).
 */
export function translated(key) {
  return lang === 'en' ? null : CATALOGUES[lang][key] ?? null;
}

/** Puts the page's own words in the viewer's language: [data-t] text and [data-t-aria-label] names. */
export function localize(root = document) {
  document.documentElement.lang = lang;
  for (const node of root.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  for (const node of root.querySelectorAll('[data-t-aria-label]')) node.setAttribute('aria-label', t(node.dataset.tAriaLabel));
  if (document.body?.dataset.tTitle) document.title = t(document.body.dataset.tTitle);
  // Words the style sheet writes (a tile's "speaking"): through a property, which the CSP allows.
  document.documentElement.style.setProperty('--speaking-word', JSON.stringify(` · ${t('view.speaking')}`));
}

const formats = new Map();
const format = (options) => {
  const key = JSON.stringify(options);
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(locale, options));
  return formats.get(key);
};

/** A moment with its date, in the viewer's zone, the zone named: "Sun, 22 Nov 2026, 19:00 CET". */
export const dateTime = (iso) => format({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
/** A day: "22 Nov 2026". */
export const date = (iso) => format({ day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
/** A time of today, the zone named: "19:04 CET". */
export const clockZoned = (iso) => format({ hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
/** A time of today where the zone is said once nearby (a list of messages). */
export const clock = (iso) => format({ hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
/** The viewer's zone by name, for a heading over many times: "Europe/Berlin". */
export const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
