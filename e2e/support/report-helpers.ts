import type { Page } from 'playwright-core';
import type { BrowserStack } from './browser-stack';

/** A Shanghai day, `offset` days from today, as the server counts days. */
export const shanghaiDayFrom = (offset = 0) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** The demo cadre's branch (李明 and 张书记 file for 樱桃沟社区). */
export const BRANCH = 'yingtaogou';

/** A report as the demo secretary, straight through the API (the journey's "yesterday"). */
export async function fileAsSecretary(b: BrowserStack, day: string, content: { text: string; tomorrowPlan: string }) {
  const token = await b.stack.deps.tokens.issue('demo-secretary');
  const res = await fetch(`${b.stack.apiUrl}/v1/branches/${BRANCH}/reports/${day}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      content: {
        items: [{ star: 'industry', text: content.text }],
        counts: {},
        problems: '',
        tomorrowPlan: content.tomorrowPlan,
        photos: [],
      },
      idempotencyKey: `e2e${day.replace(/-/g, '')}yesterday0000`,
    }),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`filing ${day} failed: ${res.status} ${await res.text()}`);
}

/** The server's report of a day, read as the demo secretary. */
export async function readReport(b: BrowserStack, day: string) {
  const token = await b.stack.deps.tokens.issue('demo-secretary');
  const res = await fetch(`${b.stack.apiUrl}/v1/branches/${BRANCH}/reports/${day}`, {
    headers: { authorization: `Bearer ${token.token}` },
  });
  return {
    status: res.status,
    body: (res.status === 200 ? await res.json() : undefined) as
      | { report: { version: number; status: string; content: { items: { star: string; text: string }[]; photos: unknown[] } } }
      | undefined,
  };
}

/** Counts every tap (pointerdown) the page sees from now on; the SPA keeps the counter across its pages. */
export async function startCountingTaps(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { __cxTaps: number; document: { addEventListener(t: string, f: () => void, c: boolean): void } };
    g.__cxTaps = 0;
    g.document.addEventListener(
      'pointerdown',
      () => {
        g.__cxTaps++;
      },
      true,
    );
  });
  return () => page.evaluate(() => (globalThis as unknown as { __cxTaps: number }).__cxTaps);
}
