// Who is speaking now, as everyone in the room sees it: a tile lights while sound arrives from that
// person. The level comes from the connection's own synchronisation sources (RTP audio levels the
// browser already keeps), so it costs no audio graph and no getStats per tile. The caption says
// "speaking" too (circle.css), so the light is not told by colour alone.
const EVERY_MS = 250;
const LOUD = 0.05;       // RTP audio level 0..1; room noise stays under it, a voice is well over
const HANGOVER_MS = 800; // a voice pauses between words; the light should not flicker

export class Voices {
  /** {@code media}: the mesh or SFU client, which knows each person's connection. */
  constructor(root, media) {
    this.root = root;
    this.media = media;
    this.lastLoud = new Map();
    this.timer = setInterval(() => this.#look(), EVERY_MS);
  }

  #look() {
    const now = Date.now();
    for (const tile of this.root.querySelectorAll('.grid .tile[data-id]')) {
      const id = tile.dataset.id;
      if (heard(this.media.connectionOf(id)) > LOUD) this.lastLoud.set(id, now);
      tile.classList.toggle('voice', now - (this.lastLoud.get(id) ?? 0) < HANGOVER_MS);
    }
  }

  close() { clearInterval(this.timer); }
}

/** The loudest audio level arriving on a connection in the last moments, 0 when there is none. */
function heard(pc) {
  if (!pc || pc.connectionState === 'closed') return 0;
  let level = 0;
  for (const receiver of pc.getReceivers()) {
    if (receiver.track?.kind !== 'audio') continue;
    for (const source of receiver.getSynchronizationSources()) {
      if (fresh(source.timestamp)) level = Math.max(level, source.audioLevel ?? 0);
    }
  }
  return level;
}

/**
 * A source is listed for ten seconds after its last packet, with that packet's level: someone who
 * just muted would go on "speaking". Only a packet of the last moment counts. (Browsers have put
 * this time on the page's clock and on the wall clock; either is accepted.)
 */
function fresh(timestamp) {
  if (typeof timestamp !== 'number') return false;
  return Math.min(Math.abs(performance.now() - timestamp), Math.abs(Date.now() - timestamp)) < 500;
}
