import { formatShanghaiDateTime } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { EmptyView, ErrorView, LoadingView } from '../../../../components/state-views';
import { devLoginAvailable } from '../../../../config/runtime-config';
import { api } from '../../../../services/api';
import { expectStatus, type Failure, failureError, toFailure } from '../../../../services/api-failure';
import './index.css';

type OutboxMessage = Extract<Awaited<ReturnType<typeof api.listOutbox>>, { status: 200 }>['body']['messages'][number];

type State = { kind: 'loading' } | { kind: 'ready'; messages: OutboxMessage[] } | { kind: 'failed'; failure: Failure };

const LOCAL_ONLY = '通知发件箱仅在本地运行时可用';

async function loadOutbox(): Promise<OutboxMessage[]> {
  const res = await api.listOutbox({});
  // The deployed API has no outbox; say so instead of 无权查看或不存在.
  if (res.status === 404) throw failureError({ message: LOCAL_ONLY });
  const { messages } = expectStatus(res, 200);
  return [...messages].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

function MessageRow({ message }: { message: OutboxMessage }) {
  return (
    <View className="cx-card cx-outbox-item">
      <Text className="outbox-item__title">{message.title}</Text>
      <Text className="outbox-item__to">收件人：{message.recipientName}</Text>
      <Text className="outbox-item__body">{message.body}</Text>
      <Text className="outbox-item__when">{formatShanghaiDateTime(message.createdAt)}</Text>
    </View>
  );
}

/**
 * 通知发件箱 (local mode only): the reminders the local notifier recorded instead of sending them to WeChat,
 * newest first. Pull down to refresh; a failed refresh keeps the list and says why.
 */
export default function OutboxPage() {
  const available = devLoginAvailable();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const seq = useRef(0);
  const current = useRef(state);
  current.current = state;

  const load = useCallback(async (keep: boolean) => {
    const n = ++seq.current;
    if (!keep) setState({ kind: 'loading' });
    try {
      const messages = await loadOutbox();
      if (n === seq.current) setState({ kind: 'ready', messages });
    } catch (err) {
      if (n !== seq.current) return;
      const failure = toFailure(err);
      if (keep && current.current.kind === 'ready') Taro.showToast({ title: failure.message, icon: 'none' }).catch(() => undefined);
      else setState({ kind: 'failed', failure });
    }
  }, []);

  useEffect(() => {
    if (available) void load(false);
  }, [available, load]);
  usePullDownRefresh(() => {
    if (!available) {
      Taro.stopPullDownRefresh();
      return;
    }
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  if (!available) body = <EmptyView text={LOCAL_ONLY} />;
  else if (state.kind === 'loading') body = <LoadingView />;
  else if (state.kind === 'failed') body = <ErrorView failure={state.failure} onRetry={() => void load(false)} />;
  else if (state.messages.length === 0) body = <EmptyView text="还没有提醒消息" />;
  else {
    body = (
      <View>
        {state.messages.map((m) => (
          <MessageRow key={m.id} message={m} />
        ))}
      </View>
    );
  }

  return (
    <PageRoot className="outbox">
      <Text className="outbox-hint">本地运行时，提醒消息不会真正发到微信，而是记录在这里。下拉可刷新。</Text>
      {body}
    </PageRoot>
  );
}
