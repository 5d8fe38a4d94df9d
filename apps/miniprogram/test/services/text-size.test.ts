import { describe, expect, it } from 'vitest';
import { isLargeFontSetting, LARGE_TEXT_CLASS, resolveLargeText, textSize } from '../../src/services/text-size';
import { storage, taroMock } from '../mocks/taro';

describe('大字: WeChat font setting and the reader’s choice', () => {
  it('treats any WeChat font size above the standard 17 px as large', () => {
    expect(isLargeFontSetting(17)).toBe(false);
    expect(isLargeFontSetting(16)).toBe(false);
    expect(isLargeFontSetting(18)).toBe(true);
    expect(isLargeFontSetting(23.8)).toBe(true);
    expect(isLargeFontSetting(undefined)).toBe(false);
    expect(isLargeFontSetting(Number.NaN)).toBe(false);
  });

  it('lets the reader’s choice override WeChat, and follows WeChat otherwise', () => {
    expect(resolveLargeText('follow', true)).toBe(true);
    expect(resolveLargeText('follow', false)).toBe(false);
    expect(resolveLargeText('standard', true)).toBe(false);
    expect(resolveLargeText('large', false)).toBe(true);
  });

  it('weapp: follows WeChat’s enlarged font by default', () => {
    taroMock.getAppBaseInfo.mockReturnValue({ fontSizeSetting: 21 });
    textSize.install();
    expect(textSize.get()).toEqual({ choice: 'follow', system: true, large: true });
  });

  it('weapp: the switch overrides WeChat, is stored, and survives a restart', () => {
    taroMock.getAppBaseInfo.mockReturnValue({ fontSizeSetting: 23.8 });
    textSize.install();
    textSize.choose('standard');
    expect(textSize.large()).toBe(false);
    expect(storage.get('cx.textSize')).toBe('standard');
    textSize.reset();
    textSize.install();
    expect(textSize.get()).toEqual({ choice: 'standard', system: true, large: false });
    textSize.choose('follow');
    expect(textSize.large()).toBe(true);
  });

  it('weapp: a client without getAppBaseInfo or fontSizeSetting stays in standard text', () => {
    taroMock.getAppBaseInfo.mockImplementation(() => {
      throw new Error('getAppBaseInfo:fail not supported');
    });
    textSize.install();
    expect(textSize.large()).toBe(false);
    taroMock.getAppBaseInfo.mockReset().mockReturnValue({});
    textSize.reset();
    textSize.install();
    expect(textSize.large()).toBe(false);
  });

  it('carries over the mailbox pages’ old 大字 choice', () => {
    storage.set('cx.mailbox.largeText', true);
    textSize.install();
    expect(textSize.get().choice).toBe('large');
  });

  it('H5: no WeChat setting, standard by default; the choice styles the page root', () => {
    process.env.TARO_ENV = 'h5';
    taroMock.getAppBaseInfo.mockReturnValue({ fontSizeSetting: 30 });
    textSize.install();
    expect(textSize.large()).toBe(false);
    expect(document.documentElement.classList.contains(LARGE_TEXT_CLASS)).toBe(false);
    textSize.choose('large');
    expect(document.documentElement.classList.contains(LARGE_TEXT_CLASS)).toBe(true);
    textSize.choose('standard');
    expect(document.documentElement.classList.contains(LARGE_TEXT_CLASS)).toBe(false);
  });
});
