/**
 * Every API request answers within this. Each DynamoDB call is bounded (DYNAMO_LIMITS: 6.5 s at worst) and
 * the first one that fails ends the request with 503 UNAVAILABLE. It stays below the API functions' Lambda
 * timeout (10 s, infra), itself below API Gateway's 30 s, so a client gets the contract's error body and
 * never the gateway's own.
 */
export const API_TIME_BUDGET_MS = 8_000;
