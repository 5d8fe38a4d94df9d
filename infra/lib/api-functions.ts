import * as path from 'node:path';
import { type FeatureName, type RouteDef, routesByFeature } from '@chuangxing/shared';
import {
  API_FUNCTION_NAMES,
  API_FUNCTIONS,
  type ApiFunctionName,
  functionOfFeature,
  SEALING_FEATURES,
} from '../../apps/functions/src/handlers/api-functions';
import { UPLOAD_PREFIXES_BY_FEATURE } from '../../apps/functions/src/platform/storage/upload-prefixes';

/**
 * Everything CDK needs about the API functions, derived from the one list in
 * apps/functions/src/handlers/api-functions.ts: each function's entry, the routes it serves, the photo
 * prefixes it may presign and whether it seals.
 */
export { API_FUNCTION_NAMES, API_FUNCTIONS, type ApiFunctionName };

const repoRoot = path.resolve(__dirname, '../..');

/** `handlers/<name>-api.handler.ts`, type-checked against the list. */
export const apiEntryOf = (name: ApiFunctionName) => path.join(repoRoot, 'apps/functions/src/handlers', `${name}-api.handler.ts`);

/** The construct id of a function: `CoreApiFunction`, `StudyReviewApiFunction`, … */
export const apiFunctionId = (name: ApiFunctionName) =>
  `${name.replace(/(^|-)([a-z])/g, (_, _d, c: string) => c.toUpperCase())}ApiFunction`;

/** Every route the deployed API serves (the contract minus the local-only ones), with the function of its feature. */
export function deployedRoutes(): { route: RouteDef; feature: FeatureName; fn: ApiFunctionName }[] {
  return (Object.entries(routesByFeature) as [FeatureName, Record<string, RouteDef>][]).flatMap(([feature, routes]) =>
    Object.values(routes)
      .filter((route) => route.localOnly !== true)
      .map((route) => ({ route, feature, fn: functionOfFeature(feature) })),
  );
}

/** The photo prefixes a function presigns and verifies: those of its features. */
export const uploadPrefixesOf = (name: ApiFunctionName): string[] =>
  (API_FUNCTIONS[name] as readonly FeatureName[]).flatMap((f) => [...(UPLOAD_PREFIXES_BY_FEATURE[f] ?? [])]);

/** Whether a function seals or opens writers' identities (it needs Encrypt/Decrypt on the key). */
export const sealsOf = (name: ApiFunctionName): boolean =>
  (API_FUNCTIONS[name] as readonly FeatureName[]).some((f) => SEALING_FEATURES.includes(f));
