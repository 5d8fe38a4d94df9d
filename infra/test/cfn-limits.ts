/**
 * CloudFormation, Lambda and IAM limits the stacks come near, and upper-bound estimates of each figure from a
 * synthesized template. Used by cfn-limits.test.ts and by `npx tsx infra/scripts/limits-report.ts`.
 */

/** The quotas (hard limits or defaults) and the budget each test holds, a margin below the quota. */
export const LIMITS = {
  /** Lambda: a function's resource-based policy; over it CloudFormation fails with PolicyLengthExceededException. */
  lambdaPolicyBytes: { quota: 20_480, budget: 16 * 1024 },
  /** CloudFormation: resources per stack. */
  resources: { quota: 500, budget: 450 },
  /** CloudFormation: outputs per stack. */
  outputs: { quota: 200, budget: 180 },
  /** CloudFormation: parameters per stack. */
  parameters: { quota: 200, budget: 180 },
  /** CloudFormation: template body uploaded through S3 (CDK uploads every template to the bootstrap bucket). */
  templateBytes: { quota: 1_048_576, budget: 900 * 1024 },
  /** IAM: the inline policies of one role together, in characters without whitespace. */
  roleInlinePolicyChars: { quota: 10_240, budget: 9_216 },
  /** Lambda: all environment variables of a function together. */
  lambdaEnvironmentBytes: { quota: 4_096, budget: 3_584 },
  /** API Gateway HTTP API: routes per API (a default quota, adjustable). */
  httpApiRoutes: { quota: 300, budget: 270 },
} as const;

type Template = { Resources?: Record<string, { Type: string; Properties?: any }>; Outputs?: object; Parameters?: object };

/**
 * The longest values CloudFormation can substitute at deploy time, so every size below is an upper bound:
 * a 64-character function name, a 12-digit account, the longest partition and a 100-character statement id
 * (Lambda's maximum; CloudFormation builds it from the stack name and the permission's logical id).
 */
const WORST = {
  account: '123456789012',
  partition: 'aws-cn',
  urlSuffix: 'amazonaws.com.cn',
  functionName: 'f'.repeat(64),
  physicalId: 'p'.repeat(64),
  httpApiId: 'a'.repeat(10),
  statementId: 's'.repeat(100),
};

/** Resolves the intrinsics CDK writes into the worst-case strings above. */
export function resolveWorst(value: unknown, template: Template, region: string): unknown {
  const r = (v: unknown): unknown => resolveWorst(v, template, region);
  if (Array.isArray(value)) return value.map(r);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [fn, arg] = entries[0];
    if (fn === 'Ref') return refOf(String(arg), template, region);
    if (fn === 'Fn::GetAtt') return getAttOf(arg as [string, string], template, region);
    if (fn === 'Fn::Join') {
      const [sep, parts] = arg as [string, unknown[]];
      return (r(parts) as unknown[]).map(String).join(sep);
    }
    if (fn === 'Fn::ImportValue') return WORST.physicalId;
    if (fn === 'Fn::Select') {
      const [i, list] = arg as [number, unknown];
      const resolved = r(list);
      return Array.isArray(resolved) ? resolved[Number(i)] : WORST.physicalId;
    }
    if (fn === 'Fn::Split') return String(r((arg as [string, unknown])[1])).split((arg as [string, unknown])[0]);
    if (fn === 'Fn::Sub') return String(arg).replace(/\$\{[^}]+\}/g, WORST.physicalId);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, r(v)]));
}

function refOf(name: string, template: Template, region: string): string {
  switch (name) {
    case 'AWS::AccountId':
      return WORST.account;
    case 'AWS::Partition':
      return WORST.partition;
    case 'AWS::Region':
      return region;
    case 'AWS::URLSuffix':
      return WORST.urlSuffix;
  }
  const type = template.Resources?.[name]?.Type;
  if (type === 'AWS::ApiGatewayV2::Api') return WORST.httpApiId;
  if (type === 'AWS::Lambda::Function') return WORST.functionName;
  return WORST.physicalId;
}

function getAttOf([id, attr]: [string, string], template: Template, region: string): string {
  const type = template.Resources?.[id]?.Type;
  if (type === 'AWS::Lambda::Function' && attr === 'Arn') {
    return `arn:${WORST.partition}:lambda:${region}:${WORST.account}:function:${WORST.functionName}`;
  }
  return `arn:${WORST.partition}:service:${region}:${WORST.account}:${WORST.physicalId}`;
}

/**
 * Each function's resource-based policy as Lambda stores it (one statement per AWS::Lambda::Permission on
 * it), and its size in bytes, with worst-case values for everything resolved at deploy time.
 */
export function lambdaPolicySizes(template: Template, region: string): Record<string, { statements: number; bytes: number }> {
  const resources = template.Resources ?? {};
  const out: Record<string, { statements: number; bytes: number }> = {};
  for (const [id, r] of Object.entries(resources)) if (r.Type === 'AWS::Lambda::Function') out[id] = { statements: 0, bytes: 0 };
  const statementsOf: Record<string, unknown[]> = {};
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::Lambda::Permission') continue;
    const p = r.Properties ?? {};
    const target = p.FunctionName as { 'Fn::GetAtt'?: [string, string]; Ref?: string };
    const fnId = target['Fn::GetAtt']?.[0] ?? target.Ref;
    if (!fnId || !(fnId in out)) throw new Error(`permission on an unknown function: ${JSON.stringify(target)}`);
    const condition: Record<string, unknown> = {};
    if (p.SourceArn) condition.ArnLike = { 'AWS:SourceArn': resolveWorst(p.SourceArn, template, region) };
    if (p.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': resolveWorst(p.SourceAccount, template, region) };
    const principal = resolveWorst(p.Principal, template, region) as string;
    const statement = {
      Sid: WORST.statementId,
      Effect: 'Allow',
      Principal: /^\d{12}$|^arn:/.test(principal) ? { AWS: principal } : { Service: principal },
      Action: p.Action,
      Resource: getAttOf([fnId, 'Arn'], template, region),
      ...(Object.keys(condition).length ? { Condition: condition } : {}),
    };
    statementsOf[fnId] = [...(statementsOf[fnId] ?? []), statement];
  }
  for (const [fnId, statements] of Object.entries(statementsOf)) {
    const policy = { Version: '2012-10-17', Id: 'default', Statement: statements };
    out[fnId] = { statements: statements.length, bytes: Buffer.byteLength(JSON.stringify(policy)) };
  }
  return out;
}

/** Characters of all inline policies (AWS::IAM::Policy) attached to each role, whitespace removed, as IAM counts them. */
export function roleInlinePolicyChars(template: Template, region: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of Object.values(template.Resources ?? {})) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    const doc = JSON.stringify(resolveWorst(r.Properties?.PolicyDocument, template, region)).replace(/\s/g, '');
    for (const role of (r.Properties?.Roles ?? []) as { Ref?: string }[]) {
      const id = role.Ref ?? JSON.stringify(role);
      out[id] = (out[id] ?? 0) + doc.length;
    }
  }
  for (const [id, r] of Object.entries(template.Resources ?? {})) {
    if (r.Type !== 'AWS::IAM::Role') continue;
    for (const p of (r.Properties?.Policies ?? []) as { PolicyDocument: unknown }[]) {
      out[id] = (out[id] ?? 0) + JSON.stringify(resolveWorst(p.PolicyDocument, template, region)).replace(/\s/g, '').length;
    }
  }
  return out;
}

/** Bytes of each function's environment (names plus values), with worst-case values for deploy-time tokens. */
export function lambdaEnvironmentBytes(template: Template, region: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, r] of Object.entries(template.Resources ?? {})) {
    if (r.Type !== 'AWS::Lambda::Function') continue;
    const vars = resolveWorst(r.Properties?.Environment?.Variables ?? {}, template, region) as Record<string, unknown>;
    out[id] = Object.entries(vars).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
  }
  return out;
}

/** The stack-level counts and the template's size as `cdk synth` writes it (indented by one space). */
export function stackFigures(template: Template) {
  const resources = Object.values(template.Resources ?? {});
  return {
    resources: resources.length,
    outputs: Object.keys(template.Outputs ?? {}).length,
    parameters: Object.keys(template.Parameters ?? {}).length,
    templateBytes: Buffer.byteLength(JSON.stringify(template, undefined, 1)),
    httpApiRoutes: resources.filter((r) => r.Type === 'AWS::ApiGatewayV2::Route').length,
  };
}
