import { useCallback, useEffect, useRef, useState } from 'react';
import type { Path, UseFormReturn } from 'react-hook-form';
import type { ApiError } from '@shared/contract/errors';
import type { ResultOf } from '@shared/contract/index';
import { useApiMutation } from '@renderer/api/hooks';
import { NOT_MEASURED } from '@renderer/screens/shared/vitals/vitals-form';
import { checkContent, type ConsultationForm } from './consultation-form';
import type { IncomingVitals } from './use-incoming-vitals';
import { placeHubErrors } from './hub-errors';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'failed';
type View = ResultOf<'consultations.saveDraft'>;

/** How long typing must pause before the draft is saved on its own. */
export const AUTOSAVE_DELAY_MS = 2_000;

/**
 * The draft is saved 2 s after the last change (when it passes the shared schema; otherwise it
 * waits and says so), on "Save draft" / Ctrl+S, before finalizing, and when the workspace closes.
 * Saves run one after another, so an explicit save never races an automatic one.
 */
export function useDraftSaving(
  form: UseFormReturn<ConsultationForm>,
  ids: { id: string; appointmentId: string },
  initial: View | null,
  incoming: IncomingVitals,
) {
  const [state, setState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<string | null>(initial?.consultation.updatedAt ?? null);
  const [warnings, setWarnings] = useState(initial?.allergyWarnings ?? []);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const mutation = useApiMutation('consultations.saveDraft');
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const revision = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mutateRef = useRef(mutation.mutateAsync);
  mutateRef.current = mutation.mutateAsync;

  const persist = useCallback(
    (explicit: boolean): Promise<View | null> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const run = async (): Promise<View | null> => {
        const started = revision.current;
        const check = checkContent(form.getValues());
        if (!check.ok) {
          if (explicit) {
            form.clearErrors();
            for (const p of check.problems) {
              form.setError(p.field as Path<ConsultationForm>, { type: 'client', message: p.message });
            }
          }
          setState('invalid');
          return null;
        }
        if (explicit) form.clearErrors();
        setState('saving');
        try {
          // Readings the doctor did not type are left out: the hub keeps what it holds.
          const content = incoming.editedHere(form.getValues('vitals'))
            ? check.content
            : { ...check.content, vitals: NOT_MEASURED };
          const view = await mutateRef.current({ ...ids, content });
          setWarnings(view.allergyWarnings);
          setSavedAt(view.consultation.updatedAt);
          setRefused(null);
          setState(revision.current === started ? 'saved' : 'unsaved');
          return view;
        } catch (error) {
          setRefused(placeHubErrors(error, form.setError));
          setState('failed');
          return null;
        }
      };
      const next = chain.current.then(run, run);
      chain.current = next;
      return next;
    },
    [form, ids, incoming],
  );

  useEffect(() => {
    const subscription = form.watch(() => {
      if (incoming.applying.current) return;
      revision.current += 1;
      setState('unsaved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void persist(false), AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form, persist]);

  // Leaving the workspace with a pending change saves it.
  const persistRef = useRef(persist);
  persistRef.current = persist;
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        void persistRef.current(false);
      }
    },
    [],
  );

  return { state, savedAt, warnings, refused, persist, saving: mutation.isPending };
}
