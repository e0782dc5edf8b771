import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { isTyping, type KeyCombo, matches } from './keys';

export interface ShortcutInfo {
  keys: KeyCombo[];
  description: string;
  group: string;
}

interface Registration extends ShortcutInfo {
  handler: (event: KeyboardEvent) => void;
  /** Single keys ("/", "?") are ignored while typing in a field; combos with Ctrl/Alt are not. */
  allowInInputs: boolean;
}

interface ShortcutRegistry {
  register: (id: string, registration: Registration) => () => void;
  list: () => ShortcutInfo[];
  version: number;
}

const ShortcutContext = createContext<ShortcutRegistry | null>(null);

/** One keydown listener for the whole app; the latest registration of a combo wins. */
export function ShortcutProvider({ children }: { children: ReactNode }) {
  const registrations = useRef(new Map<string, Registration>());
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const all = [...registrations.current.values()].reverse();
      for (const r of all) {
        const combo = r.keys.find((k) => matches(event, k));
        if (!combo) continue;
        const plain = !/mod\+|alt\+/.test(combo);
        if (plain && !r.allowInInputs && isTyping(event)) continue;
        event.preventDefault();
        r.handler(event);
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const register = useCallback((id: string, registration: Registration) => {
    registrations.current.set(id, registration);
    setVersion((v) => v + 1);
    return () => {
      registrations.current.delete(id);
      setVersion((v) => v + 1);
    };
  }, []);

  const value = useMemo<ShortcutRegistry>(
    () => ({
      register,
      version,
      list: () => {
        const seen = new Set<string>();
        return [...registrations.current.values()]
          .filter((r) => {
            const key = `${r.keys.join(',')}|${r.description}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          })
          .map(({ keys, description, group }) => ({ keys, description, group }));
      },
    }),
    [register, version],
  );
  return <ShortcutContext.Provider value={value}>{children}</ShortcutContext.Provider>;
}

/**
 * A keyboard shortcut while the calling component is mounted; it appears in the help dialog (?).
 *
 * ```ts
 * useShortcut(['mod+k', '/'], () => searchRef.current?.focus(), { description: 'Find a patient' });
 * ```
 */
export function useShortcut(
  keys: KeyCombo | KeyCombo[],
  handler: (event: KeyboardEvent) => void,
  options: { description: string; group?: string; enabled?: boolean; allowInInputs?: boolean },
): void {
  const registry = useContext(ShortcutContext);
  if (!registry) throw new Error('useShortcut must be used inside <ShortcutProvider>');
  const id = useId();
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const list = Array.isArray(keys) ? keys : [keys];
  const keySignature = list.join(',');
  const { description, group = 'This screen', enabled = true, allowInInputs = false } = options;
  const { register } = registry;
  useEffect(() => {
    if (!enabled) return;
    return register(id, {
      keys: keySignature.split(','),
      description,
      group,
      allowInInputs,
      handler: (event) => handlerRef.current(event),
    });
  }, [register, id, keySignature, description, group, enabled, allowInInputs]);
}

/** Every shortcut registered now (for the help dialog). */
export function useShortcutList(): ShortcutInfo[] {
  const registry = useContext(ShortcutContext);
  if (!registry) throw new Error('useShortcutList must be used inside <ShortcutProvider>');
  return registry.list();
}
