import { formatShanghaiDateTime } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import '../../inspect.css';

/** 四不两直 (inspectors): their own drafts, which no one else sees, and the visits they recorded. */
export default function InspectionListPage() {
  const session = useSession();
  const signedIn = Boolean(session.token);
  const { state, reload } = useResource(async () => expectStatus(await api.listInspections({}), 200), [session.token], {
    enabled: signedIn,
  });
  // Back from the edit page: show what was saved or recorded there (the first show is the initial load).
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && signedIn) reload();
    shown.current = true;
  });

  if (!signedIn)
    return (
      <PageRoot className="inspect">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="inspect">
      <View className="cx-card inspect-intro">
        <Text className="inspect-intro__title">四不两直</Text>
        <Text className="inspect-hint">
          不发通知、不打招呼、不听汇报、不用陪同接待，直奔基层、直插现场。草稿只有您自己能看到，记录后支部才会收到问题清单。
        </Text>
        <Button className="cx-btn cx-btn--primary cx-inspect-new" onClick={() => openPage(PAGES.inspectionEdit())}>
          新建督导记录
        </Button>
      </View>
      <ResourceView state={state} onRetry={reload}>
        {(list) => (
          <View>
            <Text className="cx-section-title">草稿（{list.drafts.length}）</Text>
            {list.drafts.length === 0 ? <EmptyView text="没有草稿" /> : null}
            {list.drafts.map((d) => (
              <View
                key={d.id}
                className="cx-card inspect-item cx-inspection-draft"
                data-id={d.id}
                hoverClass="cx-pressed"
                {...accessibleControl({ onActivate: () => openPage(PAGES.inspectionEdit(d.id)) })}
              >
                <View className="inspect-item__head">
                  <Text className="inspect-item__name">{d.branchName}</Text>
                  <Text className="cx-tag cx-tag--muted">草稿</Text>
                </View>
                <Text className="inspect-hint">
                  走访 {formatShanghaiDateTime(d.visitedAt)} · {d.findings} 个问题 · 保存于 {formatShanghaiDateTime(d.at)}
                </Text>
              </View>
            ))}
            <Text className="cx-section-title">已记录（{list.recorded.length}）</Text>
            {list.recorded.length === 0 ? <EmptyView text="还没有记录过走访" /> : null}
            {list.recorded.map((r) => (
              <View
                key={r.id}
                className="cx-card inspect-item cx-inspection-recorded"
                data-id={r.id}
                hoverClass="cx-pressed"
                {...accessibleControl({ onActivate: () => openPage(PAGES.findings(r.branchId)) })}
              >
                <View className="inspect-item__head">
                  <Text className="inspect-item__name">{r.branchName}</Text>
                  <Text className="cx-tag">已记录</Text>
                </View>
                <Text className="inspect-hint">
                  走访 {formatShanghaiDateTime(r.visitedAt)} · {r.findings} 个问题 · 查看问题清单
                </Text>
              </View>
            ))}
          </View>
        )}
      </ResourceView>
    </PageRoot>
  );
}
