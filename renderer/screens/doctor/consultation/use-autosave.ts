import { useCallback, useEffect, useRef, useState } from 'react';
import type { Path, UseFormReturn } from 'react-hook-form';
import type { ApiError } from '@shared/contract/errors';
import type { ResultOf } from '@shared/contract/index';
import { useApiMutation } from '@renderer/api/hooks';
import { useTemperatureUnit } from '@renderer/screens/shared/vitals/use-temperature-unit';
import { checkContent, type ConsultationForm, toForm } from './consultation-form';
import type { IncomingVitals } from './use-incoming-vitals';
import { AUTOSAVE_DELAY_MS } from './autosave-delay';
import { placeHubErrors } from './hub-errors';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'failed';
type View = ResultOf<'consultations.saveDraft'>;

/**
 * The draft is saved 2 s after the last change (when it passes the shared schema; otherwise it
 * waits and says so), on "Save draft" / Ctrl+S, before finalizing, and when the workspace closes.
 * Saves run one after another, so an explicit save never races an automatic one.
 * Each save names the draft revision the form was written on; a newer draft saved elsewhere is
 * taken into the form while nothing here is unsaved (otherwise the hub keeps both texts).
 */
export function useDraftSaving(
  form: UseFormReturn<ConsultationForm>,
  ids: { id: string; appointmentId: string },
  record: View | null,
  incoming: IncomingVitals,
) {
  const { unit } = useTemperatureUnit();
  const [state, setState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<string | null>(record?.consultation.updatedAt ?? null);
  const [warnings, setWarnings] = useState(record?.allergyWarnings ?? []);
  const base = useRef(record?.consultation.draftRevision ?? null);
  const lastSeen = useRef(record?.consultation.updatedAt ?? '');
  const adopting = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const [refused, setRefused] = useState<ApiError | null>(null);
  const mutation = useApiMutation('consultations.saveDraft');
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const revision = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mutateRef = useRef(mutation.mutateAsync);
  mutateRef.current = mutation.mutateAsync;

  const persist = useCallback(
    (explicit: boolean, resolvedConflicts: string[] = []): Promise<View | null> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const run = async (): Promise<View | null> => {
        const started = revision.current;
        const check = checkContent(form.getValues(), unit);
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
          // Readings the doctor did not type go as recorded, with their base: the hub keeps what it holds.
          const { vitals, vitalsBase } = incoming.toSave(check.content.vitals);
          const view = await mutateRef.current({
            ...ids,
            content: { ...check.content, vitals },
            vitalsBase,
            baseRevision: base.current,
            resolvedConflicts,
          });
          base.current = view.consultation.draftRevision;
          lastSeen.current = view.consultation.updatedAt;
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
    [form, ids, incoming, unit],
  );

  useEffect(() => {
    const subscription = form.watch(() => {
      if (incoming.applying.current || adopting.current) return;
      revision.current += 1;
      setState('unsaved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void persist(false), AUTOSAVE_DELAY_MS);
    });
    return () => subscription.unsubscribe();
  }, [form, persist]);

  // A newer draft saved on another desktop: shown here when nothing typed here waits to be saved.
  const live = record?.consultation;
  useEffect(() => {
    if (!live || live.draftRevision === base.current || live.updatedAt <= lastSeen.current) return;
    if (stateRef.current !== 'saved' || timer.current || mutation.isPending) return;
    adopting.current = true;
    try {
      form.reset(toForm(live, unit));
    } finally {
      adopting.current = false;
    }
    base.current = live.draftRevision;
    lastSeen.current = live.updatedAt;
    setSavedAt(live.updatedAt);
  }, [live?.draftRevision, live?.updatedAt]);

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
