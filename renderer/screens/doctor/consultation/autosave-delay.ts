/** How long typing must pause before the draft is saved on its own. */
export const AUTOSAVE_DELAY_MS = 2_000;
