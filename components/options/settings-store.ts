import { useStored } from '@/components/use-stored';
import { DEFAULT_SETTINGS, settings, type Settings } from '@/lib/storage/settings';
import { updateItem } from '@/lib/storage/update-item';

/** The stored settings over the defaults: an object saved by an older version lacks the newer fields. */
export function withDefaults(stored: Partial<Settings> | null | undefined): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    workingHours: { ...DEFAULT_SETTINGS.workingHours, ...stored?.workingHours },
    activity: { ...DEFAULT_SETTINGS.activity, ...stored?.activity },
  };
}

/** The settings, re-rendered on every change; undefined until storage first answers. */
export function useSettings(): Settings | undefined {
  const stored = useStored(settings);
  return stored === undefined ? undefined : withDefaults(stored);
}

type Patch = Partial<Settings>;

/**
 * Writes `patch` over the stored settings. Updates from this page run one
 * after another; a patch that depends on the current value (a list) is a
 * function of it, so two quick clicks both count.
 */
export function saveSettings(patch: Patch | ((current: Settings) => Patch)): Promise<Settings> {
  return updateItem(settings, (stored) => {
    const current = withDefaults(stored);
    return { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
  });
}
