import { createServer } from 'node:http';

/**
 * A stand-in for Secrets Manager on loopback, speaking its JSON 1.1 protocol for GetSecretValue, so the real
 * SDK client (pointed here with AWS_ENDPOINT_URL_SECRETS_MANAGER) reads it. `put` is the operator changing
 * the secret in the console; `reads` counts the GetSecretValue calls.
 */
export async function startFakeSecretsManager(secrets: Record<string, string>) {
  const values = new Map(Object.entries(secrets));
  let reads = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const reply = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
      if (req.method !== 'POST' || req.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue')
        return reply(400, { __type: 'InvalidRequestException', message: `unsupported ${req.headers['x-amz-target']}` });
      reads++;
      const id = (JSON.parse(raw || '{}') as { SecretId?: string }).SecretId ?? '';
      const value = values.get(id);
      if (value === undefined)
        return reply(400, { __type: 'ResourceNotFoundException', message: 'Secrets Manager can’t find the specified secret.' });
      reply(200, { ARN: id, Name: id.split(':').at(-1), SecretString: value, VersionId: `v${reads}`, VersionStages: ['AWSCURRENT'] });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get reads() {
      return reads;
    },
    put: (id: string, value: string) => values.set(id, value),
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
