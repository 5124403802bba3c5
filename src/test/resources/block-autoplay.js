// Test instrumentation: the strictest autoplay policy there is (phones have it): a media element
// may play sound only from a click. The test browser's flags allow autoplay, and the clicks on the
// join page would grant Chromium's own policy anyway, so the policy is imposed here.
(() => {
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    if (!this.muted && window.event?.type !== 'click') {
      return Promise.reject(new DOMException('play() with sound needs a click', 'NotAllowedError'));
    }
    return play.call(this);
  };
})();
