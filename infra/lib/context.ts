/** Settings read from CDK context (`-c key=value` or cdk.json), with their defaults. */
export interface AppSettings {
  /** Prefix of both stack names, e.g. `Chuangxing` gives `Chuangxing-Stateful` and `Chuangxing-Stateless`. */
  stackPrefix: string;
  /** Origins allowed by the HTTP API's CORS preflight (the H5 build). Empty: no CORS configuration. */
  corsOrigins: string[];
  /** The mini-program's WeChat AppID (public; the AppSecret lives in Secrets Manager). */
  wechatAppId: string;
  /** The district this deployment serves. */
  districtId: string;
  /**
   * Target region. TableV2 with a customer-managed key cannot be synthesised region-agnostic, so the
   * stacks pin the region (the account stays a pseudo parameter). The partition (`aws` / `aws-cn`) follows
   * from the region, so `cn-north-1` or `cn-northwest-1` yields `arn:aws-cn:` ARNs.
   */
  region: string;
}

interface ContextReader {
  tryGetContext(key: string): unknown;
}

function text(value: unknown, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  return String(value).trim();
}

/** Accepts a comma list (`-c corsOrigins=a,b`) or a JSON array (cdk.json). */
function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : text(value, '').split(',');
  return items.map((s) => s.trim()).filter(Boolean);
}

/**
 * @param defaultRegion used when no `region` context is given; bin/app.ts passes the CLI's
 *   CDK_DEFAULT_REGION (the region of the active AWS profile, `us-east-1` when none is configured).
 */
export function readSettings(node: ContextReader, defaultRegion?: string): AppSettings {
  const region = text(node.tryGetContext('region'), '') || (defaultRegion ?? '').trim();
  if (!region) {
    throw new Error('No region: pass -c region=cn-north-1 (or run through the cdk CLI with an AWS profile/region)');
  }
  const settings: AppSettings = {
    region,
    stackPrefix: text(node.tryGetContext('stackPrefix'), 'Chuangxing') || 'Chuangxing',
    corsOrigins: list(node.tryGetContext('corsOrigins')),
    wechatAppId: text(node.tryGetContext('wechatAppId'), ''),
    districtId: text(node.tryGetContext('districtId'), 'erqi') || 'erqi',
  };
  for (const origin of settings.corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new Error(`corsOrigins: "${origin}" is not an origin like https://h5.example.cn (no path, no trailing slash)`);
    }
  }
  return settings;
}
