// Who is speaking now, as everyone in the room sees it: a tile lights while sound arrives from that
// person. It costs no audio graph: the browser already measures what arrives on each connection.
// The caption says "speaking" too (circle.css), so the light is not told by colour alone.
//
// Two measures, either of which lights the tile:
// - the sound played from the connection over the whole last look (getStats inbound-rtp
//   totalAudioEnergy and totalSamplesDuration, one receiver.getStats per connection per look);
// - the RTP audio level of the newest packet (getSynchronizationSources), which needs no playing.
// The packet level alone was not enough: it describes one 20 ms packet, read every 250 ms, so a
// sound that comes and goes in step with the looks is read in the same place every time. Chromium's
// fake microphone beeps every 500 ms, and on some connections every look fell between beeps: the
// tile never lit though the sound played (issue 20). A voice has the same gaps between syllables.
const EVERY_MS = 250;
const LOUD = 0.05;         // RTP audio level 0..1; room noise stays under it, a voice is well over
// The played level behind totalAudioEnergy is a peak held for about 0.1 s (WebRTC's AudioLevel), so
// it runs higher than the RTP level (an average over the packet) for the same sound.
const LOUD_PLAYED = 0.1;
const HANGOVER_MS = 800;   // a voice pauses between words; the light should not flicker

export class Voices {
  /** {@code media}: the mesh or SFU client, which knows each person's connection. */
  constructor(root, media) {
    this.root = root;
    this.media = media;
    this.lastLoud = new Map();
    this.played = new WeakMap(); // receiver -> its energy and duration at the previous look
    this.timer = setInterval(() => this.#look(), EVERY_MS);
  }

  async #look() {
    if (this.looking) return; // a slow getStats on a busy machine: skip a look rather than pile them up
    this.looking = true;
    try {
      const tiles = [...this.root.querySelectorAll('.grid .tile[data-id]')];
      const loud = await Promise.all(tiles.map((tile) => this.#loud(this.media.connectionOf(tile.dataset.id))));
      const now = Date.now();
      tiles.forEach((tile, i) => {
        const id = tile.dataset.id;
        if (loud[i]) this.lastLoud.set(id, now);
        tile.classList.toggle('voice', now - (this.lastLoud.get(id) ?? 0) < HANGOVER_MS);
      });
    } finally {
      this.looking = false;
    }
  }

  /** Whether sound arrived on this connection since the last look. */
  async #loud(pc) {
    if (!pc || pc.connectionState === 'closed') return false;
    let loud = false;
    for (const receiver of pc.getReceivers()) {
      if (receiver.track?.kind !== 'audio') continue;
      if (newestLevel(receiver) > LOUD) loud = true;
      if (await this.#playedLevel(receiver) > LOUD_PLAYED) loud = true;
    }
    return loud;
  }

  /** The average level played from this receiver since the previous look (RMS of the played level), 0 at the first look. */
  async #playedLevel(receiver) {
    let now = null;
    try {
      (await receiver.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') {
          now = { energy: s.totalAudioEnergy ?? 0, duration: s.totalSamplesDuration ?? 0, packets: s.packetsReceived ?? 0 };
        }
      });
    } catch {
      return 0; // the connection closed meanwhile
    }
    if (!now) return 0;
    const before = this.played.get(receiver);
    this.played.set(receiver, now);
    // No packet since the last look: the person muted or left. What still plays is the browser
    // covering the gap (concealment), not their voice.
    if (!before || now.duration <= before.duration || now.packets <= before.packets) return 0;
    return Math.sqrt(Math.max(0, now.energy - before.energy) / (now.duration - before.duration));
  }

  close() { clearInterval(this.timer); }
}

/** The audio level of the newest packet on a receiver, 0 when it is not from the last moment. */
function newestLevel(receiver) {
  let level = 0;
  for (const source of receiver.getSynchronizationSources()) {
    if (fresh(source.timestamp)) level = Math.max(level, source.audioLevel ?? 0);
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
