import { inspectionsRoutes, studyReviewRoutes } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { inspectionsFeature } from '../../src/features/inspections/inspections.feature';
import { findingsReader, inspectionsPorts } from '../../src/features/inspections/inspections.wiring';
import { studyReviewFeature } from '../../src/features/study-review/study-review.feature';
import { parseConfig } from '../../src/platform/config/config';
import { createWiring } from '../../src/platform/wiring';

/** Building the ports talks to nothing: adapters are only constructed. */
function wiring() {
  const config = parseConfig({
    CX_STAGE: 'test',
    CX_TABLE_NAME: 'wiring-test',
    CX_DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
    CX_TOKEN_SIGNING_KEY: 'test-signing-key-0123456789-abcdefghijklmnop',
    CX_WECHAT_APPID: 'wx-test-app',
    CX_WECHAT_APP_SECRET: 'test-app-secret',
  });
  return createWiring(config, { tokenSigningKey: 'test-signing-key-0123456789-abcdefghijklmnop', wechatAppSecret: 'x' });
}

describe('inspections and study-review wiring', () => {
  it('inspections: every port built, one implementation per contract route', () => {
    const w = wiring();
    const served = inspectionsFeature.bind(w);
    expect(served.name).toBe('inspections');
    expect(Object.keys(served.implementations).sort()).toEqual(Object.keys(inspectionsRoutes).sort());
    const deps = served.deps as ReturnType<typeof inspectionsPorts>;
    for (const port of ['inspections', 'org', 'users', 'catalogue', 'storage', 'notices', 'clock', 'ids'] as const) {
      expect(deps[port]).toBeDefined();
    }
    expect(deps.districtId).toBe(w.kernel.districtId);
  });

  it('the board and the ranking read the 问题清单 through the same repository, built once per process', () => {
    const w = wiring();
    const ports = inspectionsPorts(w);
    expect(findingsReader(w)).toBe(ports.inspections);
    expect(inspectionsPorts(w).storage).toBe(ports.storage);
    expect(inspectionsPorts(w).notices).toBe(ports.notices);
  });

  it('study-review: its repository and the org reader, one implementation per contract route', () => {
    const w = wiring();
    const served = studyReviewFeature.bind(w);
    expect(served.name).toBe('study-review');
    expect(Object.keys(served.implementations).sort()).toEqual(Object.keys(studyReviewRoutes).sort());
    expect(served.deps).toMatchObject({ reviews: expect.any(Object), org: expect.any(Object), districtId: w.kernel.districtId });
    // The org reader is the one the inspections feature (and every other) shares.
    expect((served.deps as { org: unknown }).org).toBe(inspectionsPorts(w).org);
  });
});
