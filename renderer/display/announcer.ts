import type { DisplayCall } from '@shared/domain/display.schema';
import { announcementText, spokenTwice } from '@shared/rules/display-board';

/** How long a call's banner stays (docs/product.md §7: 8–10 s). */
export const BANNER_MS = 9_000;
const CHIME_MS = 700;

export interface ShownCall {
  call: DisplayCall;
  /** The words spoken (said twice), shown on screen once. */
  text: string;
}

export interface Voice {
  language: string;
  voice: string | null;
}

/** The last call this TV announced, per hub and epoch, kept across reloads and reboots. */
function memoryKey(hubId: string, epoch: number) {
  return `clinic.display.lastCall:${hubId}:${epoch}`;
}

export function lastAnnounced(hubId: string, epoch: number): number | null {
  try {
    const value = localStorage.getItem(memoryKey(hubId, epoch));
    return value === null ? null : Number(value);
  } catch {
    return null;
  }
}

export function rememberAnnounced(hubId: string, epoch: number, seq: number): void {
  try {
    localStorage.setItem(memoryKey(hubId, epoch), String(seq));
  } catch {
    // Not remembered: after a reboot the snapshot's calls count as already announced.
  }
}

/**
 * Calls are announced one at a time: banner, chime, then speech. Speech or sound that fails (no
 * voices, autoplay blocked) never holds up the banner: each step is tried and the queue moves on
 * by the clock.
 */
export class Announcer {
  private readonly queue: DisplayCall[] = [];
  private busy = false;
  private voice: Voice = { language: 'en-IN', voice: null };

  constructor(private readonly show: (shown: ShownCall | null) => void) {}

  setVoice(voice: Voice): void {
    this.voice = voice;
  }

  /** The admin's "test announcement": a made-up call, announced like a real one, never remembered. */
  test(): void {
    const at = new Date().toISOString();
    this.enqueue([
      {
        seq: 1,
        kind: 'call',
        doctorId: '00000000-0000-4000-8000-000000000000',
        token: 'A-001',
        roomName: '1',
        at,
      },
    ]);
  }

  enqueue(calls: readonly DisplayCall[]): void {
    this.queue.push(...calls);
    if (!this.busy) this.next();
  }

  private next(): void {
    const call = this.queue.shift();
    if (!call) {
      this.busy = false;
      this.show(null);
      return;
    }
    this.busy = true;
    const text = announcementText(call, this.voice.language);
    this.show({ call, text });
    chime();
    // Said twice in one utterance ("repeated once"); shown once.
    setTimeout(() => speak(spokenTwice(text, this.voice.language), this.voice), CHIME_MS);
    setTimeout(() => this.next(), BANNER_MS);
  }
}

function speak(text: string, { language, voice }: Voice): void {
  try {
    const synth = window.speechSynthesis;
    if (!synth) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language;
    utterance.rate = 0.9;
    const voices = synth.getVoices();
    const chosen =
      voices.find((v) => v.name === voice) ??
      voices.find((v) => v.lang.toLowerCase() === language.toLowerCase());
    if (chosen) utterance.voice = chosen;
    synth.speak(utterance);
  } catch {
    // Speech is a courtesy: the banner and the shown words carry the call.
  }
}

let audio: AudioContext | null = null;

/** Two soft tones (Web Audio, no file): a kiosk started with the autoplay flag plays them. */
function chime(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    for (const [i, frequency] of [660, 880].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + i * 0.3);
      gain.gain.exponentialRampToValueAtTime(0.3, start + i * 0.3 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.3 + 0.6);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + i * 0.3);
      osc.stop(start + i * 0.3 + 0.65);
    }
  } catch {
    // No sound device: silent, the banner still shows.
  }
}
