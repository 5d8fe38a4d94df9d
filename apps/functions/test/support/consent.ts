import { randomUUID } from 'node:crypto';
import type { NoticeKind } from '@chuangxing/shared';

type Caller = { call(method: string, path: string, o?: { token?: string; body?: unknown }): Promise<{ status: number; body: unknown }> };

/**
 * What the mini-program does after wx.requestSubscribeMessage: the user accepted each kind's template, `times`
 * times (each accept of a one-time template allows one message).
 */
export async function consentTo(stack: Caller, token: string, kinds: readonly NoticeKind[], times = 1) {
  const subs = await stack.call('GET', '/v1/notices/subscriptions', { token });
  if (subs.status !== 200) throw new Error(`subscriptions: ${subs.status}`);
  const ids = kinds.map((k) => {
    const id = (subs.body as { subscriptions: { kind: string; templateId?: string }[] }).subscriptions.find(
      (s) => s.kind === k,
    )?.templateId;
    if (!id) throw new Error(`no template for ${k}`);
    return id;
  });
  for (let i = 0; i < times; i++) {
    const res = await stack.call('POST', '/v1/notices/subscriptions', {
      token,
      body: { key: randomUUID(), answers: Object.fromEntries(ids.map((id) => [id, 'accept'])) },
    });
    if (res.status !== 200) throw new Error(`consent: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
