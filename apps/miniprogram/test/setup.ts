import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { sessionStore } from '../src/services/session-store';
import { resetTaroMock } from './mocks/taro';

beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  resetTaroMock();
  sessionStore.reload();
});

afterEach(() => {
  cleanup();
});
