import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for the two things the photo store needs: a presigned GET URL and a signed
 * browser POST policy. Our own ~80 lines instead of the SDK presigners, which drag 150 KB of the SDK core
 * into the Lambda bundle. Tested against AWS's published example signature.
 */
export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/** `20130524T000000Z` and `20130524`. */
export function amzDates(now: Date) {
  const amzDate = now
    .toISOString()
    .replace(/[:-]/g, '')
    .replace(/\.\d{3}/, '');
  return { amzDate, day: amzDate.slice(0, 8) };
}

export function signingKey(secret: string, day: string, region: string, service = 's3'): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
}

/** RFC 3986 encoding as SigV4 wants it (slashes kept in paths). */
export function uriEncode(s: string, keepSlash = false): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(keepSlash ? /%2F/g : /$^/, '/');
}

/** The S3 host for a bucket: virtual-hosted style, `.amazonaws.com.cn` in the China regions. */
export function s3Host(bucket: string, region: string): string {
  return `${bucket}.s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

export function presignGetUrl(o: {
  host: string;
  key: string;
  region: string;
  credentials: SigV4Credentials;
  now: Date;
  expiresIn: number;
}): string {
  const { amzDate, day } = amzDates(o.now);
  const scope = `${day}/${o.region}/s3/aws4_request`;
  const params: [string, string][] = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${o.credentials.accessKeyId}/${scope}`],
    ['X-Amz-Date', amzDate],
    ['X-Amz-Expires', String(o.expiresIn)],
    ...(o.credentials.sessionToken ? ([['X-Amz-Security-Token', o.credentials.sessionToken]] as [string, string][]) : []),
    ['X-Amz-SignedHeaders', 'host'],
  ];
  const query = params
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const path = `/${uriEncode(o.key, true)}`;
  const canonical = ['GET', path, query, `host:${o.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const signature = hmac(signingKey(o.credentials.secretAccessKey, day, o.region), toSign).toString('hex');
  return `https://${o.host}${path}?${query}&X-Amz-Signature=${signature}`;
}

/**
 * A browser POST form for exactly one key and content type and at most `maxBytes`, valid `expiresIn`
 * seconds; S3 refuses anything else.
 */
export function presignPostPolicy(o: {
  bucket: string;
  key: string;
  contentType: string;
  maxBytes: number;
  region: string;
  credentials: SigV4Credentials;
  now: Date;
  expiresIn: number;
}): { url: string; fields: Record<string, string> } {
  const { amzDate, day } = amzDates(o.now);
  const credential = `${o.credentials.accessKeyId}/${day}/${o.region}/s3/aws4_request`;
  const policy = {
    expiration: new Date(o.now.getTime() + o.expiresIn * 1000).toISOString(),
    conditions: [
      { bucket: o.bucket },
      { key: o.key },
      { 'Content-Type': o.contentType },
      ['content-length-range', 1, o.maxBytes],
      { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
      { 'x-amz-credential': credential },
      { 'x-amz-date': amzDate },
      ...(o.credentials.sessionToken ? [{ 'x-amz-security-token': o.credentials.sessionToken }] : []),
    ],
  };
  const encoded = Buffer.from(JSON.stringify(policy), 'utf8').toString('base64');
  const signature = hmac(signingKey(o.credentials.secretAccessKey, day, o.region), encoded).toString('hex');
  return {
    url: `https://${s3Host(o.bucket, o.region)}/`,
    fields: {
      key: o.key,
      'Content-Type': o.contentType,
      Policy: encoded,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': credential,
      'X-Amz-Date': amzDate,
      ...(o.credentials.sessionToken ? { 'X-Amz-Security-Token': o.credentials.sessionToken } : {}),
      'X-Amz-Signature': signature,
    },
  };
}
