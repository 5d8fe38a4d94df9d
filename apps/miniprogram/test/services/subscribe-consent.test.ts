import type { NoticeKind, Subscription } from '@chuangxing/shared';
import { NOTICE_KIND_LABELS } from '@chuangxing/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import { askConsent, knownSubscriptions, pendingConsent, prefetchConsent, resetConsent } from '../../src/services/subscribe-consent';
import { taroMock } from '../mocks/taro';
import { makeSession } from '../support/factories';
import { fakeApi } from '../support/fake-api';

const sub = (kind: NoticeKind, over: Partial<Subscription> = {}): Subscription => ({
  kind,
  label: NOTICE_KIND_LABELS[kind],
  templateId: `TPL-${kind}`,
  mode: 'once',
  remaining: 0,
  active: false,
  ...over,
});

function server(subscriptions: Subscription[]) {
  return fakeApi({
    'GET /v1/notices/subscriptions': { status: 200, body: { subscriptions } },
    'POST /v1/notices/subscriptions': (req) => {
      const answers = (req.body as { answers: Record<string, string> }).answers;
      return {
        status: 200,
        body: {
          subscriptions: subscriptions.map((s) =>
            answers[s.templateId ?? ''] === 'accept' ? { ...s, remaining: s.remaining + 1, active: s.mode === 'long_term' } : s,
          ),
        },
      };
    },
  });
}

describe('订阅消息 consent adapter', () => {
  beforeEach(() => {
    resetConsent();
    sessionStore.setSession(makeSession());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('weapp: asks WeChat for the kinds’ templates straight from the tap, then records each answer', async () => {
    const api = server([
      sub('letter_accepted'),
      sub('letter_replied'),
      sub('letter_transferred'),
      sub('plan_approved', { templateId: undefined }),
    ]);
    await prefetchConsent();
    taroMock.requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'TPL-letter_accepted': 'accept',
      'TPL-letter_replied': 'accept',
      'TPL-letter_transferred': 'reject',
    });
    const asked = askConsent(['letter_accepted', 'letter_replied', 'letter_transferred', 'plan_approved']);
    // Synchronously, within the tap: WeChat refuses a dialog asked after an await.
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledWith({
      tmplIds: ['TPL-letter_accepted', 'TPL-letter_replied', 'TPL-letter_transferred'],
    });
    await asked;
    const [post] = api.calls('POST /v1/notices/subscriptions');
    expect(post.body).toEqual({
      key: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      answers: { 'TPL-letter_accepted': 'accept', 'TPL-letter_replied': 'accept', 'TPL-letter_transferred': 'reject' },
    });
    expect(knownSubscriptions()?.find((s) => s.kind === 'letter_replied')?.remaining).toBe(1);
  });

  it('weapp: never mixes one-time and long-term templates, and asks for at most three', async () => {
    server([
      sub('letter_overdue', { mode: 'long_term' }),
      sub('daily_reminder', { mode: 'long_term' }),
      sub('finding_assigned'),
      sub('finding_returned'),
      sub('finding_closed'),
      sub('test_scheduled'),
    ]);
    await prefetchConsent();
    void askConsent(['finding_assigned', 'daily_reminder', 'finding_returned', 'finding_closed', 'test_scheduled']);
    expect(taroMock.requestSubscribeMessage).toHaveBeenLastCalledWith({
      tmplIds: ['TPL-finding_assigned', 'TPL-finding_returned', 'TPL-finding_closed'],
    });
    void askConsent(['daily_reminder', 'finding_assigned']);
    expect(taroMock.requestSubscribeMessage).toHaveBeenLastCalledWith({ tmplIds: ['TPL-daily_reminder'] });
  });

  it('weapp: nothing is asked before the templates are known, unless the build carries the reminder’s', async () => {
    void askConsent(['letter_replied']);
    expect(taroMock.requestSubscribeMessage).not.toHaveBeenCalled();
    vi.stubGlobal('CX_BUILD_REMINDER_TEMPLATE_ID', 'tmpl-built');
    void askConsent(['daily_reminder']);
    expect(taroMock.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-built'] });
  });

  it('H5: a stand-in prompt in the page; its answer is recorded for every kind asked', async () => {
    process.env.TARO_ENV = 'h5';
    const api = server([sub('letter_accepted'), sub('letter_replied', { remaining: 0 })]);
    await prefetchConsent();
    const asked = askConsent(['letter_accepted', 'letter_replied']);
    expect(taroMock.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(pendingConsent()?.labels).toEqual(['来信受理', '来信答复']);
    pendingConsent()?.answer(true);
    await asked;
    expect(pendingConsent()).toBeUndefined();
    expect(api.calls('POST /v1/notices/subscriptions')[0].body).toMatchObject({
      answers: { 'TPL-letter_accepted': 'accept', 'TPL-letter_replied': 'accept' },
    });
    // Consent left for both: the stand-in does not ask again.
    void askConsent(['letter_accepted', 'letter_replied']);
    expect(pendingConsent()).toBeUndefined();
  });

  it('H5: 暂不 records a reject; another user starts from nothing', async () => {
    process.env.TARO_ENV = 'h5';
    const api = server([sub('ranking_published')]);
    await prefetchConsent();
    const asked = askConsent(['ranking_published']);
    pendingConsent()?.answer(false);
    await asked;
    expect(api.calls('POST /v1/notices/subscriptions')[0].body).toMatchObject({ answers: { 'TPL-ranking_published': 'reject' } });
    sessionStore.setSession(makeSession({ token: 'token-2' }));
    expect(knownSubscriptions()).toBeUndefined();
  });
});
