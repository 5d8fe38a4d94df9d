/**
 * `npm start`: the whole product on this machine. DynamoDB Local (persisted under .data/), the API on
 * 127.0.0.1, and the H5 build of the mini-program, with demo data.
 *
 * It owns what it starts: a port something else holds is refused before anything starts (it never attaches
 * to a DynamoDB Local it did not start); a start that fails, Ctrl+C or SIGTERM stop every child it started
 * (DynamoDB Local's Java, the H5 build) before it exits.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { holdDemoAppraisal } from '@chuangxing/functions/local/demo-appraisal';
import { publishDemoCreationPlans } from '@chuangxing/functions/local/demo-creation-plans';
import { publishDemoRanking } from '@chuangxing/functions/local/demo-ranking';
import { tellDemoStarStory } from '@chuangxing/functions/local/demo-star-story';
import { freePort } from '@chuangxing/functions/local/dynamo-local';
import { asPortInUse, startLocalStack } from '@chuangxing/functions/local/local-stack';
import { claimPort, PortInUseError } from '@chuangxing/functions/local/ports';
import { startReminderTimer } from '@chuangxing/functions/local/reminder-timer';
import { startStaticServer } from '@chuangxing/functions/local/static-server';
import { createDocumentClient } from '@chuangxing/functions/platform/dynamodb/document-client';
import { createLogger } from '@chuangxing/functions/platform/observability/logger';

const ROOT = resolve(__dirname, '..');
// CX_DATA_DIR lets a benchmark or a second stack run beside the everyday one.
const DATA = resolve(process.env.CX_DATA_DIR ?? join(ROOT, '.data'));
// CX_H5_DIR serves a prebuilt H5 folder as it is (never rebuilt); by default the app's own build, rebuilt when stale.
const H5_DIR = resolve(process.env.CX_H5_DIR ?? join(ROOT, 'apps/miniprogram/dist-h5'));

class StartError extends Error {}

function checkJava() {
  try {
    execFileSync('java', ['-version'], { stdio: 'pipe' });
  } catch {
    throw new StartError('找不到 Java。DynamoDB Local 需要 Java 17 或更高版本（Debian: apt-get install -y openjdk-17-jre-headless）。');
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
  if (process.env.CX_H5_DIR) return false;
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = ['apps/miniprogram/src', 'apps/miniprogram/config', 'packages/shared/src'].map((d) => newestMtime(join(ROOT, d)));
  return Math.max(...sources) > built;
}

/** Stopped in reverse order by a failed start, Ctrl+C or SIGTERM. */
const owned: { name: string; stop: () => Promise<void> }[] = [];
async function stopAll() {
  for (const o of owned.splice(0).reverse()) {
    await o.stop().catch((err) => console.error(`✗ 停止 ${o.name} 时出错：`, err instanceof Error ? err.message : err));
  }
}

/** The H5 build runs in its own process group (npm → taro → webpack workers), so stopping it stops them all. */
function buildH5(): Promise<void> {
  console.log('… 正在构建 H5 版小程序（首次约 20 秒）');
  const child: ChildProcess = spawn('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  owned.push({
    name: 'H5 构建',
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return; // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-(child.pid as number), 'SIGKILL');
        } catch {}
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
  });
  return exited.then((code) => {
    if (code !== 0) throw new StartError(`H5 构建失败：\n${log.slice(-4000)}`);
  });
}

/** Where each port is set, for the message that names a port taken. */
const PORT_ENV: Record<string, string> = { 'DynamoDB Local': 'CX_DYNAMO_PORT', API: 'CX_API_PORT', H5: 'CX_WEB_PORT' };

function portTakenMessage(err: PortInUseError, freePort: number): string {
  const env = PORT_ENV[err.what] ?? 'CX_*_PORT';
  const who = err.holder ? `（pid ${err.holder.pid}：${err.holder.command}）` : '';
  const free = err.holder ? `kill ${err.holder.pid}` : `fuser -k ${err.port}/tcp（或用 lsof -i :${err.port} 查看占用者）`;
  const note = err.what === 'DynamoDB Local' ? 'npm start 不会连接不是它自己启动的 DynamoDB Local（那里的数据不在本次的数据目录里）。' : '';
  return `${err.what} 的端口 ${err.port} 已被其他进程占用${who}。${note}请先结束它：${free}；或换一个空闲端口，例如 ${env}=${freePort} npm start`;
}

async function main(signal: AbortSignal) {
  const started = Date.now();
  checkJava();
  mkdirSync(DATA, { recursive: true });
  const apiPort = Number(process.env.CX_API_PORT ?? 3001);
  const webPort = Number(process.env.CX_WEB_PORT ?? 10086);
  const dynamoPort = Number(process.env.CX_DYNAMO_PORT ?? 8000);
  const webOrigin = `http://127.0.0.1:${webPort}`;
  // Every port is checked before anything starts; DynamoDB Local and the servers check theirs again when they bind.
  await claimPort(dynamoPort, 'DynamoDB Local');
  await claimPort(apiPort, 'API');
  await claimPort(webPort, 'H5');
  const build = h5IsStale() ? buildH5() : Promise.resolve();
  build.catch(() => undefined); // awaited below; a start failing first must not leave it unhandled
  const stack = await startLocalStack({
    dbPath: join(DATA, 'dynamodb'),
    storageDir: join(DATA, 'photos'),
    dynamoPort,
    apiPort,
    corsOrigins: [webOrigin, `http://localhost:${webPort}`],
    tokenSigningKey: localSecrets().tokenSigningKey,
    logger: process.env.CX_LOG === 'on' ? createLogger('chuangxing-local').logger : undefined,
    signal,
  });
  owned.push({ name: 'API 与 DynamoDB Local', stop: () => stack.stop() });
  signal.throwIfAborted();
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
  owned.push({ name: '定时提醒', stop: () => reminders.stop() });
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
    const story = await tellDemoStarStory({
      apiUrl: stack.apiUrl,
      tokenFor: async (id) => (await stack.deps.tokens.issue(id)).token,
      doc: createDocumentClient({ endpoint: stack.dynamoEndpoint }),
      table: stack.tableName,
    });
    if (story === 'told') console.log('✓ 示例评星         创星申报、公示异议、授星、撤星和亮赛比擂台已按示例写入');
    const appraisal = await holdDemoAppraisal({ apiUrl: stack.apiUrl, tokenFor: async (id) => (await stack.deps.tokens.issue(id)).token });
    if (appraisal === 'held') console.log('✓ 示例述职评议     示例管委会本季度述职评议已评分并结束');
  } catch (err) {
    signal.throwIfAborted();
    console.error('✗ 示例季度排名未能发布：', err instanceof Error ? err.message : err);
  }
  // The demo's 2026 创建规划 (after the baselines above): the district's targets and 示例管委会's own plan.
  try {
    const admin = await stack.deps.tokens.issue('demo-district-admin');
    const staff = await stack.deps.tokens.issue('demo-township-staff-gwh');
    if (await publishDemoCreationPlans({ apiUrl: stack.apiUrl, adminToken: admin.token, staffToken: staff.token }))
      console.log('✓ 示例创建规划     2026 年区级规划与示例管委会规划已保存');
  } catch (err) {
    signal.throwIfAborted();
    console.error('✗ 示例创建规划未能保存：', err instanceof Error ? err.message : err);
  }
  await build;
  signal.throwIfAborted();
  const web = await startStaticServer({
    root: H5_DIR,
    port: webPort,
    runtimeConfig: { CX_API_BASE: stack.apiUrl, CX_DEV_LOGIN: true },
  }).catch((err) => {
    throw asPortInUse(err, webPort, 'H5');
  });
  owned.push({ name: 'H5 服务', stop: () => web.stop() });
  signal.throwIfAborted();
  const users = (await stack.deps.users.listDemoUsers()).filter((u) => u.demo);
  console.log(`✓ H5 小程序已启动  ${web.url}`);
  console.log(`✓ OpenAPI 文档      ${stack.apiUrl}/v1/openapi.json`);
  console.log(`✓ 通知发件箱        ${stack.apiUrl}/v1/dev/outbox  （本地代替微信订阅消息）`);
  console.log('\n演示账号（在 H5 页面“选择演示用户”中点选）：');
  for (const u of users) console.log(`  · ${u.displayName.padEnd(14, '　')} ${u.demo!.scopeLabel}`);
  console.log(`\nready in ${((Date.now() - started) / 1000).toFixed(1)} s — 打开 ${web.url} ；按 Ctrl+C 停止`);
}

// Signals are handled from the first moment: while starting they abort the start (which then stops what it
// started); once running they stop everything.
const startup = new AbortController();
let phase: 'starting' | 'running' | 'stopping' = 'starting';
let exitCode = 0;
const onSignal = (sig: NodeJS.Signals, why: string = `收到 ${sig}`) => {
  exitCode = 128 + (sig === 'SIGINT' ? 2 : sig === 'SIGHUP' ? 1 : 15);
  if (phase === 'starting') return startup.abort(new StartError(`${why}，启动已中止`));
  if (phase === 'stopping') return;
  phase = 'stopping';
  console.log(`\n… 正在停止（${why}）`);
  void stopAll().then(() => {
    console.log('✓ 已停止，没有留下任何进程');
    process.exit(0);
  });
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);
// `npm start` runs this under npm and a shell: a SIGTERM sent to npm ends them, not this process. Orphaned,
// it stops as if signalled, so stopping npm still stops DynamoDB Local.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && onSignal('SIGHUP', '父进程已退出'), 500).unref();

main(startup.signal)
  .then(() => {
    // A signal that came after the last check still stops the start.
    startup.signal.throwIfAborted();
    phase = 'running';
  })
  .catch(async (err) => {
    phase = 'stopping';
    const message =
      err instanceof PortInUseError
        ? portTakenMessage(err, await freePort())
        : startup.signal.aborted
          ? String((startup.signal.reason as Error)?.message ?? err)
          : err instanceof Error
            ? err.message
            : String(err);
    console.error('✗ 启动失败：', message);
    await stopAll();
    console.error('  本次启动的进程都已停止。');
    process.exit(exitCode || 1);
  });
