import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import MePage from '../../src/pages/me/index';
import { sessionStore } from '../../src/services/session-store';
import { textSize } from '../../src/services/text-size';
import WriteLetterPage from '../../src/subpackages/mailbox/pages/write/index';
import { storage, taroMock } from '../mocks/taro';
import { makeSession, residentMe } from '../support/factories';
import { fakeApi } from '../support/fake-api';

describe('我的: the 大字 switch (weapp)', () => {
  it('follows WeChat’s enlarged font until the reader switches it off; the choice holds on every page', () => {
    taroMock.getAppBaseInfo.mockReturnValue({ fontSizeSetting: 22 });
    textSize.install();
    sessionStore.setSession(makeSession({ me: residentMe() }));
    fakeApi({});

    const me = render(<MePage />);
    expect(me.container.querySelector('.cx-page.cx-large')).toBeTruthy();
    expect(screen.getByText('已跟随微信字体设置（大）')).toBeTruthy();

    fireEvent.click(me.container.querySelector('.cx-me-large-text') as HTMLElement);
    expect(me.container.querySelector('.cx-page.cx-large')).toBeNull();
    expect(storage.get('cx.textSize')).toBe('standard');
    expect(screen.getByText('已手动设置，不再跟随微信字体')).toBeTruthy();
    me.unmount();

    // The mailbox's own switch shows the same choice.
    const write = render(<WriteLetterPage />);
    expect(write.container.querySelector('.mailbox--large')).toBeNull();
    expect(screen.getByText('大字')).toBeTruthy();
    write.unmount();

    const again = render(<MePage />);
    fireEvent.click(screen.getByText('恢复跟随微信字体'));
    expect(again.container.querySelector('.cx-page.cx-large')).toBeTruthy();
    expect(storage.get('cx.textSize')).toBe('follow');
  });
});
