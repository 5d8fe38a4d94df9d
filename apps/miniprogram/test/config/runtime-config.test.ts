import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiBaseUrl, devLoginAvailable, LOCAL_API_BASE, reminderTemplateId } from '../../src/config/runtime-config';

afterEach(() => {
  delete window.CX_API_BASE;
  delete window.CX_DEV_LOGIN;
  vi.unstubAllGlobals();
});

describe('runtime config', () => {
  it('weapp: uses the build-time constants', () => {
    window.CX_API_BASE = 'http://ignored.invalid';
    expect(apiBaseUrl()).toBe('https://api.test.invalid');
    expect(devLoginAvailable()).toBe(false);
  });

  it('H5: uses the base injected into index.html, else the local API', () => {
    process.env.TARO_ENV = 'h5';
    expect(apiBaseUrl()).toBe(LOCAL_API_BASE);
    window.CX_API_BASE = 'http://10.0.0.5:3001';
    expect(apiBaseUrl()).toBe('http://10.0.0.5:3001');
  });

  it('H5: dev login follows the injected flag; without any injection it is the local stack', () => {
    process.env.TARO_ENV = 'h5';
    expect(devLoginAvailable()).toBe(true);
    window.CX_API_BASE = 'https://api.example.invalid';
    expect(devLoginAvailable()).toBe(false);
    window.CX_DEV_LOGIN = true;
    expect(devLoginAvailable()).toBe(true);
  });

  it('the reminder template: the build-time constant in weapp (empty by default), never in H5', () => {
    expect(reminderTemplateId()).toBe('');
    vi.stubGlobal('CX_BUILD_REMINDER_TEMPLATE_ID', 'tmpl-1');
    expect(reminderTemplateId()).toBe('tmpl-1');
    process.env.TARO_ENV = 'h5';
    expect(reminderTemplateId()).toBe('');
  });
});
