// A short beep made with WebAudio (no audio file). Off by default; browsers allow audio only after a user gesture,
// which the toggle is.

export class Beeper {
  constructor() {
    this.enabled = false;
    this.context = null;
  }

  enable(on) {
    this.enabled = on;
    if (on && !this.context) {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (Ctx) this.context = new Ctx();
    }
    if (on) this.context?.resume?.();
  }

  beep() {
    if (!this.enabled || !this.context) return;
    const ctx = this.context;
    const t = ctx.currentTime;
    for (const [offset, freq] of [[0, 880], [0.22, 660]]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, t + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + offset + 0.18);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + offset);
      osc.stop(t + offset + 0.2);
    }
    document.body.dataset.beeps = String(Number(document.body.dataset.beeps || 0) + 1);
  }
}
