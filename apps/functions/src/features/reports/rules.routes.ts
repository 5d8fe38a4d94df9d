import type { Routes } from '@chuangxing/shared';
import type { RouteImpl } from '../../platform/http/route-context';
import { putLetterRules as putLetterUseCase } from './daily-rules';

/*
 * Leftover, not routes of the reports: the mailbox contract's letter rules, served from the store they
 * share with the daily rules until the mailbox has its own (then deleted). The daily rules and exemptions
 * are in reports.routes.ts.
 */

export const getLetterRules: RouteImpl<Routes['getLetterRules']> = async ({ deps }) => ({
  status: 200,
  body: await deps.rules.getLetterRules(deps.districtId),
});

export const putLetterRules: RouteImpl<Routes['putLetterRules']> = async ({ deps, principal, allowed, body }) => ({
  status: 200,
  body: await putLetterUseCase(deps, principal, allowed, body),
});
