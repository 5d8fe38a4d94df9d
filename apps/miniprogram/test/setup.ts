import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { privacyGate } from '../src/services/privacy-gate';
import { sessionStore } from '../src/services/session-store';
import { textSize } from '../src/services/text-size';
import { resetCatalogueCache } from '../src/subpackages/reports/services/key-tasks';
import { resetReportSync } from '../src/subpackages/reports/services/report-sync';
import { resetTaroMock } from './mocks/taro';

// findBy*/waitFor wait up to 5 s: on a busy 2-core runner a page's effects can take longer than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  resetReportSync();
  resetCatalogueCache();
  resetTaroMock();
  privacyGate.reset();
  sessionStore.reload();
  textSize.reset();
});

afterEach(() => {
  cleanup();
  resetReportSync();
});
