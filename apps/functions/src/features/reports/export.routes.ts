import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { exportTownshipCompliance as exportUseCase } from './export-township-compliance';

/** The edge (api-app) sends `base64` as raw bytes with this content type and an attachment disposition. */
export const exportTownshipCompliance: RouteImpl<Routes['exportTownshipCompliance']> = async ({
  deps,
  principal,
  allowed,
  params,
  query,
}) => {
  const file = await exportUseCase(deps, principal, allowed, params.townshipId, query.from, query.to);
  return { status: 200, body: { filename: file.filename, contentType: file.contentType, base64: file.bytes.toString('base64') } };
};
