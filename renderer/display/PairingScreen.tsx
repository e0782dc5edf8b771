import { type FormEvent, useState } from 'react';

/** An unpaired (or revoked) TV: nothing of the clinic, only where to type the admin's code. */
export function PairingScreen({
  onPair,
  error,
}: {
  onPair: (code: string) => Promise<void>;
  error: string | null;
}) {
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onPair(code);
  };
  return (
    <main className="display display-unpaired" aria-label="Pair this display">
      <form className="pairing" onSubmit={submit} aria-label="Pair this display">
        <h1>This display is not paired</h1>
        <p>The admin adds it under Devices → Displays and gives a pairing code.</p>
        <label htmlFor="pairing-code">Pairing code</label>
        <input
          id="pairing-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit">Pair</button>
        {error ? <p role="alert">{error}</p> : null}
      </form>
    </main>
  );
}
