import type { AppraisalList } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { staffTownshipIds } from '../../../../services/me-helpers';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { addQuarters, currentQuarter, quarterLabel, secretaryBranches } from '../../appraisal-helpers';
import { StateChip } from '../../components/state-chip';
import '../../appraisals.css';

type Summary = AppraisalList['sessions'][number];

/** Staff pick this or next quarter for a new session (one per quarter: those already made are left out). */
function NewSession({ townshipId, taken }: { townshipId: string; taken: string[] }) {
  const quarters = [currentQuarter(), addQuarters(currentQuarter(), 1)].filter((q) => !taken.includes(q));
  const [quarter, setQuarter] = useState(quarters[0]);
  if (!quarters.length) return null;
  return (
    <View className="cx-card cx-appr-new">
      <Text className="cx-field__label">新建评议</Text>
      <ChoiceChips
        itemClassName="cx-appr-new-quarter"
        dataName="quarter"
        choices={quarters.map((q) => ({ key: q, label: quarterLabel(q) }))}
        isSelected={(q) => q === quarter}
        onPick={setQuarter}
      />
      <Button
        className="cx-btn cx-btn--primary cx-appr-create"
        onClick={() => openPage(PAGES.appraisalEdit(townshipId, quarter ?? quarters[0]))}
      >
        设置评议方案
      </Button>
    </View>
  );
}

/** 述职评议 (`?townshipId=&branchId=`): the township's sessions, newest first; staff start a new one. */
export default function AppraisalSessionsPage() {
  const { params } = useRouter();
  const session = useSession();
  const signedIn = Boolean(session.token);
  const staffOf = staffTownshipIds(session.me);
  const mine = secretaryBranches(session.me);
  const townshipId = params.townshipId ?? staffOf[0] ?? mine[0]?.townshipId ?? '';
  const staff = staffOf.includes(townshipId);
  const branch = mine.find((b) => b.branchId === params.branchId) ?? mine.find((b) => b.townshipId === townshipId);
  const { state, reload } = useResource(
    async () => expectStatus(await api.listAppraisals({ params: { townshipId } }), 200),
    [townshipId, session.token],
    { enabled: signedIn && Boolean(townshipId) },
  );

  const open = (s: Summary) => {
    if (staff || !branch) return openPage(PAGES.appraisalManage(townshipId, s.quarter));
    openPage(PAGES.appraisalMine(townshipId, s.quarter, branch.branchId));
  };

  if (!signedIn)
    return (
      <PageRoot className="appr">
        <SignInNeeded />
      </PageRoot>
    );
  if (!townshipId)
    return (
      <PageRoot className="appr">
        <EmptyView text="述职评议由乡镇（街道）组织，您暂无可查看的评议" />
      </PageRoot>
    );
  return (
    <PageRoot className="appr">
      <ResourceView state={state} onRetry={reload}>
        {({ sessions }) => (
          <View>
            {staff ? <NewSession townshipId={townshipId} taken={sessions.map((s) => s.quarter)} /> : null}
            <Text className="cx-section-title">各季度述职评议</Text>
            {sessions.length ? (
              sessions.map((s) => (
                <View
                  key={s.quarter}
                  className="cx-card cx-appr-session"
                  data-quarter={s.quarter}
                  hoverClass="cx-pressed"
                  {...accessibleControl({ role: 'link', label: `${quarterLabel(s.quarter)}述职评议`, onActivate: () => open(s) })}
                >
                  <View className="appr-head">
                    <Text className="appr-title">{quarterLabel(s.quarter)}</Text>
                    <StateChip state={s.state} />
                  </View>
                  <Text className="appr-meta">评议日期 {s.date}</Text>
                </View>
              ))
            ) : (
              <EmptyView text={staff ? '还没有述职评议，先设置本季度的评议方案' : '本乡镇（街道）还没有述职评议'} />
            )}
          </View>
        )}
      </ResourceView>
    </PageRoot>
  );
}
