/**
 * A pending privacy authorization: WeChat holds the privacy API that asked (chooseMedia, …) until the user
 * agrees through our popup's agree button (its id goes back to WeChat, which checks it was tapped) or refuses.
 */
export interface PrivacyPrompt {
  /** The API or component that asked, e.g. "chooseMedia". */
  referrer: string;
  /** Tell WeChat the popup is on screen (before agree or disagree). */
  shown(): void;
  agree(buttonId: string): void;
  disagree(): void;
}

/**
 * The WeChat calls a browser cannot make, behind one small port with a weapp and an H5 implementation:
 * sign-in and the privacy gate (隐私保护指引). Subscribe-message consent is not part of it.
 */
export interface WechatPlatform {
  readonly kind: 'weapp' | 'h5';
  /** Whether a silent WeChat sign-in exists here (not in a browser). */
  readonly signsInWithWechat: boolean;
  /** A one-time wx.login code for POST /v1/auth/wechat; rejects where there is none. */
  loginCode(): Promise<string>;
  /** The app's one listener for privacy authorizations (weapp: wx.onNeedPrivacyAuthorization; H5: never asked). */
  onPrivacyNeeded(listener: (prompt: PrivacyPrompt) => void): void;
  /** Opens the 隐私保护指引: WeChat's page of it in weapp, our own page of it in H5. */
  openPrivacyContract(): Promise<void>;
}

/** What a privacy refusal looks like: WeChat fails the API with this in its errMsg. */
export const isPrivacyRefusal = (err: unknown): boolean =>
  /privacy/i.test(String((err as { errMsg?: string } | undefined)?.errMsg ?? (err instanceof Error ? err.message : '')));

/** What the user is told when they refused the 隐私保护指引 and then tried to pick photos. */
export const PHOTO_PRIVACY_REFUSED = '需要同意隐私保护指引后才能选择照片';
