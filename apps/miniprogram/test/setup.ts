import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { sessionStore } from '../src/services/session-store';
import { resetCatalogueCache } from '../src/subpackages/reports/services/key-tasks';
import { resetReportSync } from '../src/subpackages/reports/services/report-sync';
import { resetTaroMock } from './mocks/taro';

beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  resetReportSync();
  resetCatalogueCache();
  resetTaroMock();
  sessionStore.reload();
});

afterEach(() => {
  cleanup();
  resetReportSync();
});
