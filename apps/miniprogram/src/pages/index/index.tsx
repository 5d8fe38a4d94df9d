import { type Me, ROLE_LABELS, shanghaiDay } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { accessibleControl, decorative } from '../../components/accessible-control';
import { PageRoot } from '../../components/page-root';
import { ErrorView, LoadingView } from '../../components/state-views';
import { devLoginAvailable, isH5 } from '../../config/runtime-config';
import { useSession } from '../../hooks/use-session';
import { loginWithWechat, refreshMe } from '../../services/api';
import { type Failure, toFailure } from '../../services/api-failure';
import { rememberedCommunity } from '../../services/my-community';
import { openPage, showComingSoon } from '../../services/navigation';
import { filerBranchIds, warmReportContexts } from '../../services/report-context';
import { deviceDayState, outboxSnapshot, type PendingReport, pendingReports, subscribeOutbox } from '../../services/report-outbox';
import { loadToday, type TodayFromServer, type TodayStatus, todayStatusOf } from '../../services/report-today';
import { PAGES } from '../../services/routes';
import { sessionStore } from '../../services/session-store';
import { refreshUnreadBadge } from '../../services/unread-badge';
import { type Shortcut, shortcutsFor } from './shortcuts';
import './index.css';

type LoginState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'failed'; failure: Failure };

function Banner() {
  return (
    <View className="home-banner">
      <Text className="home-banner__title">五星支部创建</Text>
      <Text className="home-banner__motto">三星成片 · 四星倍增 · 五星不断涌现</Text>
    </View>
  );
}

function ShortcutCard({ shortcut, status }: { shortcut: Shortcut; status?: TodayStatus }) {
  const soon = shortcut.target.kind === 'soon';
  const onTap = () => {
    const { target } = shortcut;
    if (target.kind === 'soon') showComingSoon();
    else openPage(target.url);
  };
  return (
    <View
      className={`cx-card home-shortcut${soon ? ' home-shortcut--soon' : ''}`}
      hoverClass="cx-pressed"
      {...accessibleControl({ role: 'link', onActivate: onTap })}
    >
      <View className="home-shortcut__head">
        <Text className="home-shortcut__title">{shortcut.title}</Text>
        {soon ? (
          <Text className="cx-tag cx-tag--muted">即将上线</Text>
        ) : (
          <Text className="home-shortcut__arrow" {...decorative()}>
            ›
          </Text>
        )}
      </View>
      <Text className="home-shortcut__desc">{shortcut.description}</Text>
      {status ? (
        <Text className={`home-shortcut__status home-shortcut__status--${status.tone} cx-home-report-status`}>{status.text}</Text>
      ) : null}
    </View>
  );
}

function Welcome({ me, pending, today }: { me: Me; pending: PendingReport[]; today: Record<string, TodayFromServer> }) {
  const bindings = me.bindings.filter((b) => !b.revokedAt);
  const day = shanghaiDay();
  // Today's status on each branch's 填写今日日报 card: the device's queue first, then the server's report.
  const statusOf = (s: Shortcut) => {
    const branchId = s.key.startsWith('report-edit:') ? s.key.slice('report-edit:'.length) : undefined;
    if (!branchId) return undefined;
    return todayStatusOf(day, today[branchId] ?? {}, deviceDayState(branchId, day), Date.now());
  };
  const roles = me.roles.length ? me.roles : (['resident'] as const);
  return (
    <View className="home-welcome">
      <View className="cx-card home-profile">
        <Text className="cx-home-greeting">您好，{me.user.displayName}</Text>
        <View className="home-roles">
          {roles.map((role) => (
            <Text key={role} className="cx-tag cx-tag--role">
              {ROLE_LABELS[role]}
            </Text>
          ))}
        </View>
        {bindings.map((b) => (
          <Text key={b.bindingId} className="home-scope">
            {ROLE_LABELS[b.role]} · {b.scopeLabel}
          </Text>
        ))}
      </View>
      <View className="cx-section-title">常用功能</View>
      <View className="home-shortcuts">
        {shortcutsFor(me, pending, rememberedCommunity()).map((s) => (
          <ShortcutCard key={s.key} shortcut={s} status={statusOf(s)} />
        ))}
      </View>
    </View>
  );
}

function SignedOut({ login, onWechatLogin }: { login: LoginState; onWechatLogin: () => void }) {
  const dev = devLoginAvailable();
  const wechat = !isH5();
  if (login.kind === 'pending') return <LoadingView text="正在登录…" />;
  return (
    <View className="cx-card home-signin">
      {login.kind === 'failed' ? <ErrorView failure={login.failure} onRetry={onWechatLogin} /> : null}
      {wechat && login.kind !== 'failed' ? (
        <Button className="cx-btn cx-btn--primary" onClick={onWechatLogin}>
          微信一键登录
        </Button>
      ) : null}
      {dev ? (
        <View className="home-signin__dev">
          <Text className="home-signin__hint">本地演示环境：请选择一位演示用户登录。</Text>
          <Button className="cx-btn cx-btn--primary home-signin__dev-btn" onClick={() => openPage(PAGES.devLogin)}>
            选择演示用户登录
          </Button>
        </View>
      ) : null}
      {!wechat && !dev ? <Text className="home-signin__hint">请在微信中打开「创星」小程序使用。</Text> : null}
    </View>
  );
}

export default function HomePage() {
  const session = useSession();
  const [login, setLogin] = useState<LoginState>({ kind: 'idle' });
  const [meFailure, setMeFailure] = useState<Failure>();
  // Daily reports still waiting on this device (filed offline); re-read whenever home shows.
  const [pending, setPending] = useState<PendingReport[]>([]);
  const [today, setToday] = useState<Record<string, TodayFromServer>>({});
  // A send that completes while home is in the page stack (H5) shows at once.
  // Drafts notify on every keystroke: home re-renders only when the snapshot of what it shows changed.
  const [outbox, setOutbox] = useState(outboxSnapshot);
  useEffect(() => subscribeOutbox(() => setOutbox(outboxSnapshot())), []);
  useEffect(() => {
    if (outbox) setPending(pendingReports());
  }, [outbox]);

  const wechatLogin = useCallback(() => {
    setLogin({ kind: 'pending' });
    loginWithWechat().then(
      () => setLogin({ kind: 'idle' }),
      (err: unknown) => setLogin({ kind: 'failed', failure: toFailure(err) }),
    );
  }, []);

  const refresh = useCallback(() => {
    setPending(pendingReports());
    void refreshUnreadBadge();
    if (!sessionStore.token()) return;
    setMeFailure(undefined);
    refreshMe().then(
      // Ready the report form's offline copy (branch, rules) while online.
      async (me) => {
        const branchIds = filerBranchIds(me);
        if (!branchIds.length) return;
        await warmReportContexts(branchIds);
        setToday(await loadToday(branchIds, shanghaiDay()));
      },
      (err: unknown) => setMeFailure(toFailure(err)),
    );
  }, []);

  // weapp: log in silently with WeChat, unless the user just pressed 退出登录
  // or this is a devtools build against the local stack (demo users instead).
  // A failed login waits for 重试 (it leaves `login` failed, not idle).
  useEffect(() => {
    if (isH5() || devLoginAvailable()) return;
    if (!session.token && !session.signedOut && login.kind === 'idle') wechatLogin();
  }, [session.token, session.signedOut, login.kind, wechatLogin]);

  useDidShow(refresh);

  let body: ReactNode;
  if (!session.token) body = <SignedOut login={login} onWechatLogin={wechatLogin} />;
  else if (session.me) body = <Welcome me={session.me} pending={pending} today={today} />;
  else if (meFailure) body = <ErrorView failure={meFailure} onRetry={refresh} />;
  else body = <LoadingView />;

  return (
    <PageRoot className="home">
      <Banner />
      {body}
    </PageRoot>
  );
}
