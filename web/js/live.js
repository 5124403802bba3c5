// The live session protocol (docs/protocol.md §2): hello, events, calls answered by ack or error,
// and resuming a dropped connection within the grace period without waiting again.

import { CLOSE_REASONS } from './close-codes.js';
import { t, translated } from './strings.js';

export { CLOSE_REASONS };

const RESUME_WINDOW_MS = 55_000;

export class Live extends EventTarget {
  /**
   * {@code keep}: a sessionStorage key under which the latest resume token is kept, so that a
   * reload of this tab resumes its place; a fresh ticket counts as another device and waits.
   */
  constructor(getTicket, helloFields = {}, keep = null) {
    super();
    this.getTicket = getTicket;
    this.helloFields = helloFields;
    this.keep = keep;
    this.pending = new Map();
    this.counter = 0;
    this.resume = null;
    this.final = false;
    this.me = null;
  }

  async open() {
    this.final = false;
    const kept = this.keep && sessionStorage.getItem(this.keep);
    if (kept) {
      sessionStorage.removeItem(this.keep);
      try {
        return await this.#connect({ resume: kept });
      } catch (error) {
        if (error.code !== 'TICKET_INVALID') throw error;
        this.socket = null; // its refusal's close is no ending: the ticket below carries on
        this.final = false;
      }
    }
    return this.#connect({ ticket: await this.getTicket(), ...this.helloFields });
  }

  #remember(resume) {
    if (!this.keep) return;
    if (resume) sessionStorage.setItem(this.keep, resume); else sessionStorage.removeItem(this.keep);
  }

  #connect(credential) {
    return new Promise((resolve, reject) => {
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      const socket = new WebSocket(`${scheme}://${location.host}/ws`);
      this.socket = socket;
      let welcomed = false;
      socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', protocol: 1, ...credential }));
      socket.onmessage = (message) => {
        const frame = JSON.parse(message.data);
        if (frame.type === 'welcome') {
          welcomed = true;
          this.resume = frame.resume;
          this.#remember(frame.resume);
          this.me = frame.you;
          this.session = frame.session;
          this.droppedAt = null;
          resolve(frame);
        } else if (frame.type === 'ack' || (frame.type === 'error' && frame.ref)) {
          const call = this.pending.get(frame.ref);
          this.pending.delete(frame.ref);
          if (call) (frame.type === 'ack' ? call.resolve(frame) : call.reject(refusal(frame)));
          return;
        } else if (frame.type === 'error' && !welcomed) {
          this.final = true;
          reject(refusal(frame));
          return;
        }
        this.dispatchEvent(new CustomEvent(frame.type, { detail: frame }));
        this.dispatchEvent(new CustomEvent('frame', { detail: frame }));
      };
      socket.onclose = (event) => {
        if (socket !== this.socket) return;
        for (const call of this.pending.values()) call.reject(Object.assign(new Error(t('live.dropped')), { code: 'OFFLINE' }));
        this.pending.clear();
        const reason = CLOSE_REASONS[event.code];
        if (reason || this.final) {
          this.final = true;
          this.#remember(null);
          this.dispatchEvent(new CustomEvent('closed', { detail: { code: event.code, reason } }));
          if (!welcomed) reject(Object.assign(new Error(t('live.closed')), { code: reason ?? 'CLOSED' }));
          return;
        }
        if (!welcomed) { reject(Object.assign(new Error(t('home.unreachable')), { code: 'OFFLINE' })); return; }
        this.#reconnect();
      };
    });
  }

  async #reconnect() {
    this.droppedAt ??= Date.now();
    this.dispatchEvent(new CustomEvent('reconnecting'));
    while (!this.final && Date.now() - this.droppedAt < RESUME_WINDOW_MS) {
      await new Promise((r) => setTimeout(r, 1000));
      try {
        const welcome = await this.#connect({ resume: this.resume });
        this.dispatchEvent(new CustomEvent('resumed', { detail: welcome }));
        return;
      } catch (error) {
        if (error.code === 'TICKET_INVALID') break;
      }
    }
    this.final = true;
    this.dispatchEvent(new CustomEvent('closed', { detail: { code: 0, reason: 'lost' } }));
  }

  /** Every frame carries a ref: the answer (ack or error) settles the promise, and a frame that cannot go out fails at once. */
  call(type, fields = {}) {
    const ref = `c${++this.counter}`;
    return new Promise((resolve, reject) => {
      if (this.socket?.readyState !== WebSocket.OPEN) {
        reject(Object.assign(new Error(t('live.offline')), { code: 'OFFLINE' }));
        return;
      }
      this.pending.set(ref, { resolve, reject });
      this.socket.send(JSON.stringify({ type, ref, ...fields }));
    });
  }

  leave() {
    this.final = true;
    this.call('leave').catch(() => { /* the server closes the socket right after */ });
  }
}

/** A refusal as an Error a person can read, in their language (strings.js, translated). */
function refusal(frame) {
  return Object.assign(new Error(translated(`live.error.${frame.code}`) ?? frame.message), { code: frame.code });
}
