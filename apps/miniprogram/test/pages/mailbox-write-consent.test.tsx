import { fireEvent, render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '../../src/services/session-store';
import { resetConsent } from '../../src/services/subscribe-consent';
import WriteLetterPage from '../../src/subpackages/mailbox/pages/write/index';
import { taroMock } from '../mocks/taro';
import { makeSession, residentMe } from '../support/factories';
import { fakeApi } from '../support/fake-api';
import { byClass, fillLetter, written } from '../support/letter-form';

describe('写信 (清风邮局)', () => {
  describe('订阅消息: the writer is asked about 受理 and 答复 when sending', () => {
    const subscriptions = ['letter_accepted', 'letter_replied', 'letter_transferred'].map((kind, i) => ({
      kind,
      label: ['来信受理', '来信答复', '来信转办'][i],
      templateId: `TPL-${i}`,
      mode: 'once',
      remaining: 0,
      active: false,
    }));
    const consentServer = () =>
      fakeApi({
        'POST /v1/letters': written({ queryCode: 'QW3ER4TY5U' }),
        'GET /v1/notices/subscriptions': { status: 200, body: { subscriptions } },
        'POST /v1/notices/subscriptions': { status: 200, body: { subscriptions } },
      });

    it('weapp: WeChat is asked from the 寄出 tap, before the letter goes, and the letter goes whatever the answer', async () => {
      resetConsent();
      sessionStore.setSession(makeSession({ me: residentMe() }));
      const server = consentServer();
      let lettersWhenAsked = -1;
      taroMock.requestSubscribeMessage.mockImplementation(async () => {
        lettersWhenAsked = server.calls('POST /v1/letters').length;
        return { errMsg: 'requestSubscribeMessage:ok', 'TPL-0': 'accept', 'TPL-1': 'accept', 'TPL-2': 'reject' };
      });
      const { container } = render(<WriteLetterPage />);
      await waitFor(() => expect(server.calls('GET /v1/notices/subscriptions')).toHaveLength(1));
      fireEvent.click(await waitFor(() => byClass(container, 'cx-letter-community', '建新南街社区')));
      fillLetter(container);
      fireEvent.click(container.querySelector('.cx-letter-anonymous') as HTMLElement);
      fireEvent.click(container.querySelector('.cx-letter-submit') as HTMLElement);
      expect(taroMock.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['TPL-0', 'TPL-1', 'TPL-2'] });
      expect(lettersWhenAsked).toBe(0);
      await waitFor(() => expect(container.querySelector('.cx-letter-code')).toBeTruthy());
      await waitFor(() => expect(server.calls('POST /v1/notices/subscriptions')).toHaveLength(1));
      expect(server.calls('POST /v1/notices/subscriptions')[0].body).toMatchObject({
        answers: { 'TPL-0': 'accept', 'TPL-1': 'accept', 'TPL-2': 'reject' },
      });
    });

    it('H5: the stand-in prompt shows once the letter is sent', async () => {
      process.env.TARO_ENV = 'h5';
      resetConsent();
      sessionStore.setSession(makeSession({ me: residentMe() }));
      const server = consentServer();
      const { container } = render(<WriteLetterPage />);
      await waitFor(() => expect(server.calls('GET /v1/notices/subscriptions')).toHaveLength(1));
      fireEvent.click(await waitFor(() => byClass(container, 'cx-letter-community', '建新南街社区')));
      fillLetter(container);
      fireEvent.click(container.querySelector('.cx-letter-anonymous') as HTMLElement);
      expect(container.querySelector('.cx-consent-sheet')).toBeNull();
      fireEvent.click(container.querySelector('.cx-letter-submit') as HTMLElement);
      await waitFor(() => expect(container.querySelector('.cx-letter-code')).toBeTruthy());
      const sheet = container.querySelector('.cx-consent-sheet') as HTMLElement;
      expect(Array.from(sheet.querySelectorAll('.cx-consent-item')).map((e) => e.textContent)).toEqual([
        '· 来信受理',
        '· 来信答复',
        '· 来信转办',
      ]);
      fireEvent.click(sheet.querySelector('.cx-consent-accept') as HTMLElement);
      await waitFor(() => expect(server.calls('POST /v1/notices/subscriptions')).toHaveLength(1));
      expect(container.querySelector('.cx-consent-sheet')).toBeNull();
      expect(taroMock.requestSubscribeMessage).not.toHaveBeenCalled();
    });
  });
});
