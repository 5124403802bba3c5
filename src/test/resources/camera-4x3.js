// Test instrumentation: the fake camera at 320x240 (4:3), so that a shared screen (the fake
// screen is 16:9) can be told from a camera by its shape alone on every receiving page.
(() => {
  const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = (c) => gum(c?.video ? { ...c, video: { width: 320, height: 240, frameRate: 15 } } : c);
})();
