// Test instrumentation: the strictest autoplay policy there is (Safari on a phone has it): an
// element may first play sound only from a click; once it has, it may play again by itself (a new
// stream after a reconnection). The test browser's flags allow autoplay, and the clicks on the join
// page would grant Chromium's own policy anyway, so the policy is imposed here.
(() => {
  const play = HTMLMediaElement.prototype.play;
  const unlocked = new WeakSet();
  HTMLMediaElement.prototype.play = function () {
    if (!this.muted && !unlocked.has(this)) {
      if (window.event?.type !== 'click') {
        return Promise.reject(new DOMException('play() with sound needs a click', 'NotAllowedError'));
      }
      unlocked.add(this);
    }
    return play.call(this);
  };
})();
