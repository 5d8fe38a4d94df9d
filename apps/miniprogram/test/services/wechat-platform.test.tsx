import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { loginWithWechat } from '../../src/services/api';
import { chooseImagesWeapp } from '../../src/services/photo-upload';
import { privacyGate } from '../../src/services/privacy-gate';
import { PHOTO_PRIVACY_REFUSED, wechatPlatform } from '../../src/services/wechat-platform';
import { PhotoPicker } from '../../src/shared-ui/photo-picker';
import { needPrivacy, taroMock } from '../mocks/taro';
import { makeSession } from '../support/factories';
import { fakeApi } from '../support/fake-api';

const picker = () =>
  render(<PhotoPicker photos={[]} max={3} tileClassName="t" inputClassName="i" onPick={vi.fn()} onFiles={vi.fn()} onRemove={vi.fn()} />);

describe('the WeChat platform adapter', () => {
  it('weapp: the login code comes from wx.login and goes to /v1/auth/wechat', async () => {
    const server = fakeApi({ 'POST /v1/auth/wechat': { status: 200, body: makeSession() } });
    await loginWithWechat();
    expect(taroMock.login).toHaveBeenCalledTimes(1);
    expect(server.calls('POST /v1/auth/wechat')[0].body).toEqual({ code: 'wx-code-1' });
  });

  it('H5: no WeChat sign-in; it says why and asks nothing of WeChat or the server', async () => {
    process.env.TARO_ENV = 'h5';
    const server = fakeApi({});
    expect(wechatPlatform().signsInWithWechat).toBe(false);
    await expect(loginWithWechat()).rejects.toMatchObject({ message: '浏览器中不能使用微信登录，请选择演示用户' });
    expect(taroMock.login).not.toHaveBeenCalled();
    expect(server.sent).toHaveLength(0);
  });

  it('opens the 隐私保护指引: WeChat’s page in weapp, ours in H5', async () => {
    await wechatPlatform().openPrivacyContract();
    expect(taroMock.openPrivacyContract).toHaveBeenCalledTimes(1);
    process.env.TARO_ENV = 'h5';
    await wechatPlatform().openPrivacyContract();
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/identity/pages/privacy/index' });
  });
});

describe('our privacy popup (onNeedPrivacyAuthorization)', () => {
  it('shows when WeChat holds a privacy API, links the guide, and agrees through the agreePrivacyAuthorization button', async () => {
    privacyGate.install();
    expect(taroMock.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
    const { container } = picker();
    expect(container.querySelector('.cx-privacy')).toBeNull();

    const answers = needPrivacy('chooseMedia');
    expect(await screen.findByText('隐私保护提示')).toBeTruthy();
    // Shown: WeChat is told the popup is on screen.
    expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
    fireEvent.click(screen.getByText('《创星小程序隐私保护指引》'));
    expect(taroMock.openPrivacyContract).toHaveBeenCalledTimes(1);

    const agree = screen.getByText('同意');
    expect([agree.id, agree.getAttribute('data-open-type')]).toEqual(['cx-privacy-agree', 'agreePrivacyAuthorization']);
    fireEvent.click(agree);
    expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'cx-privacy-agree' }]);
    await waitFor(() => expect(container.querySelector('.cx-privacy')).toBeNull());
  });

  it('拒绝 answers disagree, and the popup goes', async () => {
    privacyGate.install();
    const { container } = picker();
    const answers = needPrivacy();
    fireEvent.click(await screen.findByText('拒绝'));
    expect(answers.at(-1)).toEqual({ event: 'disagree' });
    await waitFor(() => expect(container.querySelector('.cx-privacy')).toBeNull());
  });

  it('installs one listener however often the app launches', () => {
    privacyGate.install();
    privacyGate.install();
    expect(taroMock.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
  });
});

describe('choosing photos after a refusal', () => {
  it('says that the 隐私保护指引 must be agreed, and offers to open it', async () => {
    taroMock.chooseMedia.mockRejectedValueOnce({ errMsg: 'chooseMedia:fail privacy permission is not authorized', errno: 104 });
    const files = await chooseImagesWeapp(3);
    expect(files).toEqual([]);
    expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: PHOTO_PRIVACY_REFUSED, confirmText: '查看指引' }));
    expect(PHOTO_PRIVACY_REFUSED).toBe('需要同意隐私保护指引后才能选择照片');
    expect(taroMock.openPrivacyContract).toHaveBeenCalledTimes(1);
  });

  it('a plain cancel stays quiet', async () => {
    taroMock.chooseMedia.mockRejectedValueOnce({ errMsg: 'chooseMedia:fail cancel' });
    expect(await chooseImagesWeapp(3)).toEqual([]);
    expect(taroMock.showModal).not.toHaveBeenCalled();
  });
});
