import { DISPLAY_VOICES_MAX, type DisplayVoice } from '@shared/domain/display.schema';

/**
 * The voices this TV's browser offers, for the admin's choice of voice. Browsers load them late
 * (`getVoices()` is empty until `voiceschanged`), so `report` is called now if there are some and
 * again whenever they change. Bounded as the hub expects (it refuses longer lists or names).
 */
export function watchVoices(report: (voices: DisplayVoice[]) => void): () => void {
  const synth = typeof window.speechSynthesis === 'undefined' ? null : window.speechSynthesis;
  if (!synth) return () => undefined;
  const read = () => {
    try {
      const byName = new Map<string, DisplayVoice>();
      for (const voice of synth.getVoices()) {
        const name = voice.name.trim();
        if (name === '' || name.length > 100 || byName.has(name)) continue;
        byName.set(name, { name, lang: voice.lang.trim().slice(0, 35) });
      }
      const voices = [...byName.values()].slice(0, DISPLAY_VOICES_MAX);
      if (voices.length > 0) report(voices);
    } catch {
      // No speech on this TV: nothing to offer; the default voice is the only choice.
    }
  };
  synth.addEventListener('voiceschanged', read);
  read();
  return () => synth.removeEventListener('voiceschanged', read);
}
