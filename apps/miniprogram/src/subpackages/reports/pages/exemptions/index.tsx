import { addMonths, type Branch, type Exemption, type Me, monthOf, shanghaiDay } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useRef, useState } from 'react';
import { accessibleControl } from '../../../../components/accessible-control';
import { PageRoot } from '../../../../components/page-root';
import { BindingNeeded, SignInNeeded } from '../../../../components/sign-in-needed';
import { ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { isDistrictAdmin, isOfficial, staffTownshipIds } from '../../../../services/me-helpers';
import { type BranchLabel, byDay, mayAddExemptions, mayDeleteExemption, monthLabel } from '../../services/exemption-rules';
import { ExemptionForm, type ExemptionScope } from './exemption-form';
import { ExemptionList } from './exemption-list';
import '../../../../shared-ui/manage.css';
import './index.css';

const ignore = () => undefined;

/**
 * District admins: the townships of the tree (their branches load when picked). Township staff: the branches
 * of their townships, for the form and to know which leave days they may delete. Anyone else: nothing.
 */
async function loadScope(me: Me | undefined): Promise<ExemptionScope> {
  if (isDistrictAdmin(me)) {
    const tree = expectStatus(await api.getOrgTree({}), 200);
    return {
      districtAdmin: true,
      townships: tree.townships.map((t) => ({ id: t.id, name: t.name })),
      branchesByTownship: {},
      branches: {},
    };
  }
  const all = await Promise.all(
    staffTownshipIds(me).map(async (townshipId) => expectStatus(await api.listTownshipBranches({ params: { townshipId } }), 200)),
  );
  const branchesByTownship: Record<string, Branch[]> = {};
  const branches: Record<string, BranchLabel> = {};
  for (const { township, branches: list } of all) {
    branchesByTownship[township.id] = list;
    for (const b of list) branches[b.id] = { name: b.name, townshipId: b.townshipId };
  }
  return {
    districtAdmin: false,
    townships: all.map(({ township }) => ({ id: township.id, name: township.name })),
    branchesByTownship,
    branches,
  };
}

/**
 * Names for the branches in the list: from the scope, else looked up once each (`looked` survives month
 * switches; a branch that cannot be read is remembered as null and shown by its id).
 */
async function labelsFor(exemptions: readonly Exemption[], known: Record<string, BranchLabel>, looked: Record<string, BranchLabel | null>) {
  const missing = [
    ...new Set(exemptions.flatMap((e) => (e.branchId && !known[e.branchId] && !(e.branchId in looked) ? [e.branchId] : []))),
  ];
  await Promise.all(
    missing.map(async (branchId) => {
      try {
        const res = await api.getBranch({ params: { branchId } });
        looked[branchId] = res.status === 200 ? { name: res.body.branch.name, townshipId: res.body.branch.townshipId } : null;
      } catch {
        // No network: asked again on the next load.
      }
    }),
  );
  const out: Record<string, BranchLabel> = { ...known };
  for (const [id, label] of Object.entries(looked)) if (label && !out[id]) out[id] = label;
  return out;
}

function MonthSwitcher({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  return (
    <View className="cx-card exemption-month">
      <View
        className="exemption-month__btn cx-exemption-prev-month"
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => onChange(addMonths(month, -1)) })}
      >
        <Text>‹ 上月</Text>
      </View>
      <Text className="exemption-month__label cx-exemption-month">{monthLabel(month)}</Text>
      <View
        className="exemption-month__btn cx-exemption-next-month"
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => onChange(addMonths(month, 1)) })}
      >
        <Text>下月 ›</Text>
      </View>
    </View>
  );
}

/** 免报管理: a month's holidays, 调休 make-up working days and leave days; 登记 and 删除 for district admins and township staff. */
export default function ExemptionsPage() {
  const session = useSession();
  const me = session.me;
  const official = Boolean(session.token) && isOfficial(me);
  const adder = mayAddExemptions(me);
  const [today] = useState(() => shanghaiDay());
  const [month, setMonth] = useState(() => monthOf(today));
  /** Deleted on this page: hidden without reloading the list. */
  const [removed, setRemoved] = useState<readonly string[]>([]);
  const looked = useRef<Record<string, BranchLabel | null>>({});

  const scope = useResource(() => loadScope(me), [session.token], { enabled: official });
  const ready = scope.state.kind === 'ready' ? scope.state.data : undefined;
  const list = useResource(
    async () => {
      const { exemptions } = expectStatus(await api.listExemptions({ query: { month } }), 200);
      const branches = await labelsFor(exemptions, ready?.branches ?? {}, looked.current);
      return { exemptions: byDay(exemptions), branches };
    },
    [session.token, month, ready],
    { enabled: Boolean(ready) },
  );

  const onCreated = (exemption: Exemption) => {
    Taro.showToast({ title: '已登记', icon: 'success' }).catch(ignore);
    // Ids are made of day and branch: one deleted earlier may come back.
    setRemoved((ids) => ids.filter((id) => id !== exemption.id));
    const target = monthOf(exemption.day);
    if (target === month) list.reload();
    else setMonth(target);
  };

  let body: ReactNode;
  if (!session.token) body = <SignInNeeded />;
  else if (!official) body = <BindingNeeded text="免报管理仅对党务工作人员开放。干部和工作人员请先绑定身份。" />;
  else {
    body = (
      <ResourceView state={scope.state} onRetry={scope.reload}>
        {(data) => (
          <View>
            {adder ? (
              <View>
                <View className="cx-section-title">登记免报</View>
                <Text className="manage-hint">
                  登记的节假日和请假日无需报送日报，看板和日历上显示为「免报」；调休上班日照常报送，信件时限和倒排工期把它算作工作日。国务院公布的法定节假日和调休已自动计入。
                </Text>
                <ExemptionForm scope={data} today={today} onCreated={onCreated} />
              </View>
            ) : (
              <Text className="manage-hint">
                节假日和调休上班日由区委组织部管理员登记（国务院公布的法定节假日和调休已自动计入工作日），支部请假由乡镇（街道）工作人员登记。
              </Text>
            )}
            <View className="cx-section-title">节假日和请假</View>
            <MonthSwitcher month={month} onChange={setMonth} />
            <ResourceView state={list.state} onRetry={list.reload}>
              {({ exemptions, branches }) => (
                <ExemptionList
                  exemptions={exemptions.filter((e) => !removed.includes(e.id))}
                  branches={branches}
                  mayDelete={(e) => mayDeleteExemption(me, e, e.branchId ? branches[e.branchId] : undefined)}
                  onDeleted={(id) => setRemoved((ids) => [...ids, id])}
                />
              )}
            </ResourceView>
          </View>
        )}
      </ResourceView>
    );
  }
  return <PageRoot className="exemptions-page">{body}</PageRoot>;
}
