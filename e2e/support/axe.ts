import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser bundle, injected into the page as a script (no wrapper library). */
const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** A few offending nodes' selectors and why they fail. */
  nodes: { target: string; summary: string }[];
}

/** Runs axe-core (WCAG 2.x A/AA plus best practices) on what the page shows now. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in globalThis);
  if (!injected) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    interface Result {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    }
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<Result> } }).axe;
    const result = await axe.run(
      { exclude: [['.taro_page[style*="display: none"]']] },
      { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').slice(0, 300) })),
    }));
  });
}

/** The critical and serious ones: what the journeys fail on. */
export const blocking = (violations: AxeViolation[]) => violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
