import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** The offending elements' markup and axe's account of each (for the failure message). */
  nodes: string[];
}

/**
 * Runs axe-core on the page as it is now and returns the serious and critical violations
 * (WCAG 2.1 A/AA rules, plus the rules named in `enable`, e.g. `color-contrast-enhanced`: the
 * AAA 7:1 contrast the waiting-room display promises). Injected through the debugging protocol,
 * so the page's CSP stays on.
 */
export async function axeScan(
  page: Page,
  options: { exclude?: string[]; enable?: string[] } = {},
): Promise<AxeProblem[]> {
  // A toast or dialog mid-fade is measured at part opacity, which is not what users read:
  // scan once running animations (fades, slides) have finished. Two frames first, so a transition a
  // click just caused (a button turning solid) has started and is seen running.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async ({ exclude, enable }) => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const result = await run(
        { include: [document], exclude: exclude.map((selector) => [selector]) } as axe.ElementContext,
        {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          rules: Object.fromEntries(enable.map((id) => [id, { enabled: true }])),
          resultTypes: ['violations'],
        },
      );
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
        nodes: v.nodes.map((n) => `${n.html.slice(0, 200)} — ${n.failureSummary ?? ''}`),
      }));
    },
    { exclude: options.exclude ?? [], enable: options.enable ?? [] },
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
