/**
 * `npm start`: the whole product on this machine. DynamoDB Local (persisted under .data/), the API on
 * 127.0.0.1, and the H5 build of the mini-program, with demo data.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { publishDemoRanking } from '@chuangxing/functions/local/demo-ranking';
import { startLocalStack } from '@chuangxing/functions/local/local-stack';
import { startReminderTimer } from '@chuangxing/functions/local/reminder-timer';
import { startStaticServer } from '@chuangxing/functions/local/static-server';
import { createDocumentClient } from '@chuangxing/functions/platform/dynamodb/document-client';
import { createLogger } from '@chuangxing/functions/platform/observability/logger';

const ROOT = resolve(__dirname, '..');
// CX_DATA_DIR lets a benchmark or a second stack run beside the everyday one.
const DATA = resolve(process.env.CX_DATA_DIR ?? join(ROOT, '.data'));
const H5_DIR = join(ROOT, 'apps/miniprogram/dist-h5');

function checkJava() {
  try {
    execFileSync('java', ['-version'], { stdio: 'pipe' });
  } catch {
    console.error('✗ 找不到 Java。DynamoDB Local 需要 Java 17 或更高版本（Debian: apt-get install -y openjdk-17-jre-headless）。');
    process.exit(1);
  }
}

/** A per-machine signing key, generated once and kept in the git-ignored .data folder. */
function localSecrets(): { tokenSigningKey: string } {
  const file = join(DATA, 'local-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = { tokenSigningKey: randomBytes(32).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function h5IsStale(): boolean {
  const index = join(H5_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = ['apps/miniprogram/src', 'apps/miniprogram/config', 'packages/shared/src'].map((d) => newestMtime(join(ROOT, d)));
  return Math.max(...sources) > built;
}

function buildH5(): Promise<void> {
  return new Promise((ok, fail) => {
    console.log('… 正在构建 H5 版小程序（首次约 20 秒）');
    const child = spawn('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`H5 build failed:\n${log.slice(-4000)}`))));
  });
}

/** Stops what has started so far, so a failed start leaves no DynamoDB Local (Java) behind. */
let cleanup: (() => Promise<void>) | undefined;

async function main() {
  const started = Date.now();
  checkJava();
  mkdirSync(DATA, { recursive: true });
  const apiPort = Number(process.env.CX_API_PORT ?? 3001);
  const webPort = Number(process.env.CX_WEB_PORT ?? 10086);
  const webOrigin = `http://127.0.0.1:${webPort}`;
  const build = h5IsStale() ? buildH5() : Promise.resolve();
  const stack = await startLocalStack({
    dbPath: join(DATA, 'dynamodb'),
    storageDir: join(DATA, 'photos'),
    dynamoPort: Number(process.env.CX_DYNAMO_PORT ?? 8000),
    apiPort,
    corsOrigins: [webOrigin, `http://localhost:${webPort}`],
    tokenSigningKey: localSecrets().tokenSigningKey,
    logger: process.env.CX_LOG === 'on' ? createLogger('chuangxing-local').logger : undefined,
  });
  cleanup = () => stack.stop();
  console.log(
    `✓ API 已启动       ${stack.apiUrl}   (DynamoDB Local ${stack.dynamoEndpoint}, 数据保存在 ${relative(ROOT, join(DATA, 'dynamodb')) || '.'})`,
  );
  // The scheduled reminder (EventBridge Scheduler in AWS) runs every minute here; messages land in /v1/dev/outbox.
  const reminders = startReminderTimer({
    wiring: stack.wiring,
    onRun: (r) =>
      r.outcome === 'sent' &&
      console.log(
        `✓ 定时提醒已发送   ${r.day} ${r.time}：${r.branches} 个支部未提交，提醒 ${r.recipients} 人（${stack.apiUrl}/v1/dev/outbox）`,
      ),
    onError: (err) => console.error('✗ 定时提醒失败：', err instanceof Error ? err.message : err),
  });
  cleanup = async () => {
    await reminders.stop();
    await stack.stop();
  };
  // The demo leaders' 季度排名: the quarter that has just ended, computed and published once from demo rollups.
  try {
    const { token } = await stack.deps.tokens.issue('demo-district-admin');
    const demo = await publishDemoRanking({
      apiUrl: stack.apiUrl,
      adminToken: token,
      doc: createDocumentClient({ endpoint: stack.dynamoEndpoint }),
      table: stack.tableName,
    });
    if (demo.outcome === 'published') console.log(`✓ 示例季度排名     ${demo.quarter} 已按示例数据计算并发布（评比管理中可重新计算）`);
  } catch (err) {
    console.error('✗ 示例季度排名未能发布：', err instanceof Error ? err.message : err);
  }
  await build;
  const web = await startStaticServer({ root: H5_DIR, port: webPort, runtimeConfig: { CX_API_BASE: stack.apiUrl, CX_DEV_LOGIN: true } });
  const users = (await stack.deps.users.listDemoUsers()).filter((u) => u.demo);
  console.log(`✓ H5 小程序已启动  ${web.url}`);
  console.log(`✓ OpenAPI 文档      ${stack.apiUrl}/v1/openapi.json`);
  console.log(`✓ 通知发件箱        ${stack.apiUrl}/v1/dev/outbox  （本地代替微信订阅消息）`);
  console.log('\n演示账号（在 H5 页面“选择演示用户”中点选）：');
  for (const u of users) console.log(`  · ${u.displayName.padEnd(14, '　')} ${u.demo!.scopeLabel}`);
  console.log(`\nready in ${((Date.now() - started) / 1000).toFixed(1)} s — 打开 ${web.url} ；按 Ctrl+C 停止`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await web.stop();
    await reminders.stop();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(async (err) => {
  console.error('✗ 启动失败：', err instanceof Error ? err.message : err);
  await cleanup?.().catch(() => undefined);
  process.exit(1);
});
