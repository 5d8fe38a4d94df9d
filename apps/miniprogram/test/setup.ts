import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { sessionStore } from '../src/services/session-store';
import { resetReportSync } from '../src/subpackages/report/services/report-sync';
import { resetTaroMock } from './mocks/taro';

beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  resetReportSync();
  resetTaroMock();
  sessionStore.reload();
});

afterEach(() => {
  cleanup();
  resetReportSync();
});
