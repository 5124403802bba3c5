// The room as a person sees it: video tiles with names, their own controls, who has the floor
// and for how long, the hand queue, the round. Shared by participants and facilitators.
import { $, el, announce } from './dom.js';
import { Mesh } from './mesh.js';
import { Sfu } from './sfu.js';
import { OwnDevices } from './own-devices.js';
import { Playback } from './playback.js';
import { ScreenShare } from './screen-share.js';
import { VoiceActivity } from './voice-activity.js';
import { Voices } from './voices.js';
import { t } from './strings.js';

export class SessionView {
  /**
   * {@code options.askForSupport(note)}: the member page's own way of asking (it tells the truth about who heard);
   * {@code options.facilitator}: no hand or support button of the members' own; {@code options.openMessages()}: the page's messages.
   */
  constructor(root, live, stream, iceServers, options = {}) {
    this.root = root;
    this.options = options;
    this.live = live;
    this.stream = stream;
    this.state = { participants: [], queue: [], floor: { participant: null, endsAt: null }, round: { active: false, order: [] }, mode: 'open' };
    this.streams = new Map();
    this.stop = new AbortController(); // a closed view hears nothing more (the page may open a new one)
    this.mesh = live.session?.media === 'sfu' ? new Sfu(live, stream, iceServers) : new Mesh(live, stream, iceServers);
    const chosen = (kind, given) => (given ? given === 'on' : OwnDevices.remembered(kind));
    this.devices = new OwnDevices(this, stream, { audio: chosen('audio', root.dataset.startAudio), video: chosen('video', root.dataset.startVideo) });
    this.playback = new Playback(root);
    this.voice = new VoiceActivity(live, () => this.devices.sending.audio && this.#admitted());
    this.voice.listen(stream);
    this.voices = new Voices(root, this.mesh);
    this.share = new ScreenShare(root, live, this.mesh, (text) => this.notice(text));
    this.#wire();
    this.#controls();
    this.timer = setInterval(() => this.#renderClock(), 1000);
  }

  /** Fresh tracks from the same devices (the previous ones were stopped): every connection sends them instead. */
  useStream(stream) {
    this.stream = stream;
    this.mesh.stream = stream;
    this.devices.reopened();
    this.voice.listen(stream);
    this.render();
  }

  get me() { return this.live.me.id; }
  #admitted() { return this.state.participants.some((p) => p.id === this.me); }
  name(id) { return this.state.participants.find((p) => p.id === id)?.displayName ?? t('view.someone'); }

  #wire() {
    const on = (type, handler) => this.live.addEventListener(type, (e) => handler(e.detail), { signal: this.stop.signal });
    on('roster', ({ participants }) => {
      this.state.participants = participants;
      this.mesh.sync(participants);
      const mine = participants.find((p) => p.id === this.me);
      if (mine) this.devices.follow(mine);
      this.render();
    });
    on('hands', ({ queue }) => { this.state.queue = queue; this.render(); });
    on('floor', (floor) => {
      this.state.floor = floor;
      if (floor.participant) announce(floor.participant === this.me ? t('view.youHaveFloor') : t('view.hasFloor', { name: this.name(floor.participant) }));
      this.render();
    });
    on('floor.expired', ({ participant }) => { if (participant === this.me) announce(t('view.yourTimeUp')); this.render(); });
    on('round', (round) => {
      this.state.round = round;
      if (round.active && round.current === this.me) announce(t('view.yourTurn'));
      this.render();
    });
    on('mode', ({ mode }) => { this.state.mode = mode; announce(mode === 'moderated' ? t('view.moderating') : t('view.open')); this.render(); });
    on('muted', ({ participant, by }) => {
      if (participant !== this.me) return;
      this.devices.mutedByServer();
      this.notice(by ? t('view.mutedByFacilitator') : t('view.mutedFloorMoved'));
    });
    on('unmute.requested', () => this.notice(t('view.unmuteRequested'), t('view.unmute'), () => this.devices.ask('audio', true)));
    on('session.state', ({ locked, facilitatorPresent }) => {
      this.state.locked = locked;
      // v1.1: while no facilitator is connected the room says so, calmly (the member page has the line).
      const presence = $('.presence', this.root);
      if (presence) {
        const away = facilitatorPresent === false;
        if (away && presence.hidden) announce(t('view.facilitatorAway'));
        presence.hidden = !away;
      }
      this.render();
    });
    on('reconnecting', () => this.notice(t('view.reconnectingSelf')));
    on('resumed', () => { this.notice(t('view.back')); this.mesh.restart(this.state.participants); });
    this.mesh.addEventListener('stream', (e) => { this.streams.set(e.detail.id, e.detail.stream); this.render(); });
    this.mesh.addEventListener('gone', (e) => { this.streams.delete(e.detail.id); this.render(); });
  }

  #controls() {
    const bar = $('.controls', this.root);
    // A facilitator runs the room: a hand to raise or support to ask for are the members' own.
    const member = !this.options.facilitator;
    bar.replaceChildren(...[
      el('button', { type: 'button', class: 'mic', onclick: () => this.devices.ask('audio', !this.devices.wish.audio) }, t('view.microphone')),
      el('button', { type: 'button', class: 'cam', onclick: () => this.devices.ask('video', !this.devices.wish.video) }, t('view.camera')),
      this.share.button,
      member ? el('button', { type: 'button', class: 'hand', onclick: () => this.#toggleHand() }, t('view.raiseHand')) : null,
      el('button', { type: 'button', class: 'pass', hidden: true, onclick: () => this.live.call('round.pass').catch((e) => this.notice(e.message)) }, t('view.pass')),
      el('button', { type: 'button', class: 'yield', hidden: true, onclick: () => this.live.call('floor.yield').catch((e) => this.notice(e.message)) }, t('view.done')),
      el('button', { type: 'button', class: 'messages-open', onclick: () => this.#openMessages() }, t('view.messages')),
      member ? el('button', { type: 'button', class: 'support', onclick: () => this.#support() }, t('view.support')) : null,
      // Kept apart from "I need support" and asked about first: a slip must not end someone's session.
      el('button', { type: 'button', class: 'leave quiet-button', onclick: () => this.#confirmLeave() }, t('view.leave')),
    ].filter(Boolean));
  }

  #confirmLeave() {
    const dialog = $('#leave-dialog');
    dialog.returnValue = '';
    dialog.showModal();
    dialog.onclose = () => { if (dialog.returnValue === 'leave') this.root.dispatchEvent(new CustomEvent('leave-request', { bubbles: true })); };
  }

  /** The messages panel of the page (the member's care panel, or the console's), brought into view with the cursor in it. */
  #openMessages() {
    if (this.options.openMessages) { this.options.openMessages(); return; }
    const box = $('#message-facilitators textarea') ?? $('#message-text');
    box?.scrollIntoView({ block: 'center' });
    box?.focus();
  }

  #toggleHand() {
    const raised = this.state.queue.some((h) => h.participant === this.me);
    this.live.call(raised ? 'hand.lower' : 'hand.raise').catch((e) => this.notice(e.message));
  }

  #support() {
    const dialog = $('#support-dialog');
    dialog.showModal();
    $('#support-note').value = '';
    dialog.onclose = () => {
      if (dialog.returnValue !== 'send') return;
      const note = $('#support-note').value.trim();
      if (this.options.askForSupport) { this.options.askForSupport(note).then((told) => this.notice(told)); return; }
      this.live.call('support.request', { note: note || undefined })
        .then((ack) => this.notice(ack.delivered > 0 ? t('view.supportDelivered') : t('view.supportKept')))
        .catch((e) => this.notice(e.message));
    };
  }

  notice(text, actionLabel, action) {
    const box = $('.notice', this.root);
    // replaceChildren writes a null as the text "null": only what is there goes in.
    box.replaceChildren(...[el('span', { text }),
      actionLabel ? el('button', { type: 'button', onclick: () => { action(); box.replaceChildren(); } }, actionLabel) : null].filter(Boolean));
    announce(text);
  }

  render() {
    const { participants, queue, floor, round, mode } = this.state;
    const grid = $('.grid', this.root);
    const seen = new Set();
    for (const p of participants) {
      seen.add(p.id);
      const mine = p.id === this.me;
      let tile = grid.querySelector(`[data-id="${CSS.escape(p.id)}"]`);
      if (!tile) {
        // Sound and picture play through separate elements: a <video> whose camera sends no frame
        // (someone who joined with the camera off) never starts, and would hold their voice back.
        tile = el('figure', { class: 'tile', 'data-id': p.id },
          el('video', { playsinline: true, muted: true }), mine ? null : el('audio'),
          el('p', { class: 'camera-off', text: t('view.cameraOff'), hidden: true }), el('figcaption'));
        grid.append(tile);
      }
      // Your own tile shows your camera only while it is really on, and never plays your voice.
      const stream = mine ? (this.devices.sending.video ? this.stream : null) : this.streams.get(p.id) ?? null;
      this.#show(tile, stream);
      tile.querySelector('.camera-off').hidden = mine ? this.devices.sending.video : p.video;
      tile.classList.toggle('speaking', floor.participant === p.id);
      tile.classList.toggle('has-floor', floor.participant === p.id);
      tile.classList.toggle('away', !p.connected);
      const badges = [mine ? t('view.you') : null, p.role === 'facilitator' ? t('view.facilitator') : null,
        p.hand ? t('view.handRaised') : null, p.audio ? null : t('view.muted'), p.connected ? null : t('view.reconnecting')].filter(Boolean);
      tile.querySelector('figcaption').textContent = `${p.displayName}${badges.length ? ` · ${badges.join(' · ')}` : ''}`;
    }
    for (const tile of [...grid.children]) if (!seen.has(tile.dataset.id)) tile.remove();
    this.share.render(participants, floor);

    const { wish, sending } = this.devices;
    $('.mic', this.root).textContent = sending.audio ? t('view.muteMic') : wish.audio ? t('view.unmuting') : t('view.unmuteMic');
    $('.mic', this.root).setAttribute('aria-pressed', String(!sending.audio));
    $('.cam', this.root).textContent = sending.video ? t('view.cameraOffButton') : wish.video ? t('view.cameraTurningOn') : t('view.cameraOnButton');
    $('.cam', this.root).setAttribute('aria-pressed', String(!sending.video));
    const raised = queue.some((h) => h.participant === this.me);
    const hand = $('.hand', this.root);
    if (hand) hand.textContent = raised ? t('view.lowerHand') : t('view.raiseHand');
    $('.pass', this.root).hidden = !(round.active && round.current === this.me);
    $('.yield', this.root).hidden = !(floor.participant === this.me);

    $('.hands', this.root).replaceChildren(...queue.map((h) => el('li', { text: this.name(h.participant) })));
    $('.hands-empty', this.root).hidden = queue.length > 0;
    this.#renderRound(round);
    $('.mode', this.root).textContent = mode === 'moderated' ? t('view.moderatedLine') : '';
    this.#renderClock();
  }

  /** Puts a person's stream on their tile: its picture on the muted <video>, its sound on the <audio>. */
  #show(tile, stream) {
    if (tile.source === stream) return;
    tile.source = stream;
    const video = tile.querySelector('video');
    const audio = tile.querySelector('audio');
    video.muted = true; // the attribute alone does not mute an element made by script
    this.#feed(video, stream ? stream.getVideoTracks() : []);
    if (audio) this.#feed(audio, stream ? stream.getAudioTracks() : []);
  }

  /**
   * Gives an element these tracks. The same tracks in a new stream (each track of a connection
   * arrives as its own event) leave the element alone: a new srcObject stops it, and a strict
   * browser lets it start again only from a click, so a voice would fall silent for nothing.
   */
  #feed(media, tracks) {
    const current = media.srcObject ? media.srcObject.getTracks() : [];
    if (current.length === tracks.length && tracks.every((t) => current.includes(t))) return;
    media.srcObject = tracks.length ? new MediaStream(tracks) : null;
    if (media.srcObject) this.playback.play(media);
  }

  /** The go-around as a strip: everyone in order, whose turn it is now, and who passed. */
  #renderRound(round) {
    const box = $('.round', this.root);
    if (!round.active) { box.replaceChildren(); return; }
    const passed = new Set(round.passed ?? []);
    const at = round.order.indexOf(round.current);
    box.replaceChildren(el('span', { class: 'round-label', text: t('view.goAround') }),
      el('ol', { class: 'round-strip' }, ...round.order.map((id, i) => {
        const now = id === round.current;
        const state = now ? 'now' : passed.has(id) ? 'passed' : i < at ? 'done' : 'next';
        const label = { now: t('view.roundNow'), passed: t('view.roundPassed'), done: t('view.roundDone'), next: '' }[state];
        return el('li', { class: `round-${state}`, 'aria-current': now ? 'step' : null },
          el('span', { text: id === this.me ? t('view.you') : this.name(id) }), label ? el('span', { class: 'round-state', text: ` · ${label}` }) : null);
      })));
  }

  #renderClock() {
    const { floor } = this.state;
    const who = floor.participant ? (floor.participant === this.me ? t('view.youHaveFloorLine') : t('view.hasFloorLine', { name: this.name(floor.participant) })) : t('view.nobodyHasFloor');
    let left = '';
    let up = false;
    if (floor.endsAt) {
      const seconds = Math.max(0, Math.round((Date.parse(floor.endsAt) - Date.now()) / 1000));
      up = seconds === 0;
      // At 0:00 the line says so and changes colour; taking the floor back stays the facilitator's call.
      left = ` · ${up ? t('view.timeUp') : t('view.left', { time: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` })}`;
    }
    const line = $('.floor', this.root);
    line.textContent = who + left;
    line.classList.toggle('time-up', up);
    line.classList.toggle('held', Boolean(floor.participant));
    const tile = floor.participant && $(`.grid [data-id="${CSS.escape(floor.participant)}"]`, this.root);
    for (const t of this.root.querySelectorAll('.tile.time-up')) if (t !== tile || !up) t.classList.remove('time-up');
    if (tile && up) tile.classList.add('time-up');
  }

  close() {
    this.stop.abort();
    clearInterval(this.timer);
    this.share.close();
    this.mesh.close();
    this.playback.close();
    this.voice.close();
    this.voices.close();
    this.stream?.getTracks().forEach((t) => t.stop());
  }
}
