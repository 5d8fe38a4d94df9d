import { describe, expect, it } from 'vitest';
import { API_TIME_BUDGET_MS } from '../../apps/functions/src/platform/http/api-budget';
import { API_FUNCTION_NAMES, apiFunctionId } from '../lib/api-functions';
import { synthApp } from './helpers';

/** API Gateway HTTP APIs give an integration at most 30 s. */
const API_GATEWAY_TIMEOUT_SECONDS = 30;

// Synthesised once, outside the test's own timeout (as the other stack tests do).
const { statelessTemplate: template } = synthApp();

describe('time budgets: the API answers before its Lambda times out, which answers before API Gateway does', () => {
  it('every API function outlives the API’s own budget and ends before API Gateway gives up', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    for (const name of API_FUNCTION_NAMES) {
      const [id] = Object.keys(functions).filter((logicalId) => logicalId.startsWith(apiFunctionId(name)));
      const timeout = functions[id].Properties.Timeout as number;
      expect([name, timeout * 1000 > API_TIME_BUDGET_MS]).toEqual([name, true]);
      expect([name, timeout < API_GATEWAY_TIMEOUT_SECONDS]).toEqual([name, true]);
    }
  });
});
