import { CreateObservationBody, type ObserverCandidates, ROLE_LABELS, type TownshipBranches } from '@chuangxing/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus, fieldErrorsOf } from '../../../../services/api-failure';
import { isDistrictAdmin, staffTownshipIds } from '../../../../services/me-helpers';
import { PAGES } from '../../../../services/routes';
import { monthLabel, plannableMonths } from '../../observe-helpers';
import '../../observe.css';

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** The townships the caller may organise for: their own (township staff) or any (district admin, from the org tree). */
async function loadTownships(admin: boolean, own: string[]) {
  const tree = expectStatus(await api.getOrgTree({}), 200);
  return tree.townships.filter((t) => admin || own.includes(t.id)).map((t) => ({ id: t.id, name: t.name }));
}

function Form({ townships }: { townships: { id: string; name: string }[] }) {
  const months = plannableMonths();
  const [month, setMonth] = useState(months[1]); // this month
  const [title, setTitle] = useState(`${monthLabel(months[1])}创星观摩`);
  const [townshipId, setTownshipId] = useState(townships[0]?.id ?? '');
  const [branchIds, setBranchIds] = useState<string[]>([]);
  const [observerIds, setObserverIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const { busy, run } = useMutation({
    onError: (failure, body) => {
      setErrors(Object.fromEntries(Object.entries(fieldErrorsOf(body)).map(([k, v]) => [k.split('.')[0], v])));
      setProblem(failure.message);
    },
  });

  const { state, reload } = useResource(
    async () => {
      const [branches, candidates] = await Promise.all([
        api.listTownshipBranches({ params: { townshipId } }).then((r) => expectStatus(r, 200)),
        api.listObserverCandidates({ query: { townshipId } }).then((r) => expectStatus(r, 200)),
      ]);
      return { branches, candidates } as { branches: TownshipBranches; candidates: ObserverCandidates };
    },
    [townshipId],
    { enabled: Boolean(townshipId) },
  );

  const pickTownship = (id: string) => {
    setTownshipId(id);
    setBranchIds([]);
    setObserverIds([]);
  };

  const submit = async () => {
    if (busy) return;
    const body = { month, title, townshipId, branchIds, observerIds };
    // The same schema the server uses: the first answer comes without a round trip.
    const local = CreateObservationBody.safeParse(body);
    if (!local.success) {
      setErrors(Object.fromEntries(local.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    setProblem(undefined);
    const res = await run(() => api.createObservation({ body }));
    if (!res) return;
    Taro.showToast({ title: '已发起', icon: 'success' }).catch(() => undefined);
    Taro.redirectTo({ url: PAGES.observationResults(res.body.id) }).catch(() => undefined);
  };

  return (
    <View>
      <View className="cx-card">
        <Text className="cx-field__label">观摩月份</Text>
        <ChoiceChips
          className="observe-chips"
          itemClassName="cx-observe-month-choice"
          dataName="id"
          choices={months.map((m) => ({ key: m, label: monthLabel(m) }))}
          isSelected={(m) => m === month}
          onPick={setMonth}
        />
        <FieldProblem text={errors.month} />
        <Text className="cx-field__label">观摩主题</Text>
        <View className="cx-field cx-observe-title-input">
          <Input
            className="cx-input"
            value={title}
            maxlength={40}
            placeholder="例如：十一月“五星”创建现场观摩"
            onInput={(e) => setTitle(e.detail.value)}
          />
        </View>
        <FieldProblem text={errors.title} />
        {townships.length > 1 ? (
          <View>
            <Text className="cx-field__label">组织观摩的乡镇（街道）</Text>
            <ChoiceChips
              className="observe-chips"
              itemClassName="cx-observe-township"
              dataName="id"
              choices={townships.map((t) => ({ key: t.id, label: t.name }))}
              isSelected={(id) => id === townshipId}
              onPick={pickTownship}
            />
          </View>
        ) : null}
      </View>
      <ResourceView state={state} onRetry={reload}>
        {({ branches, candidates }) => (
          <View>
            <View className="cx-card">
              <Text className="cx-field__label">观摩支部（可多选）</Text>
              {branches.branches.length ? (
                <ChoiceChips
                  className="observe-chips"
                  itemClassName="cx-observe-branch"
                  dataName="id"
                  choices={branches.branches.map((b) => ({ key: b.id, label: b.name }))}
                  isSelected={(id) => branchIds.includes(id)}
                  onPick={(id) => setBranchIds(toggle(branchIds, id))}
                />
              ) : (
                <EmptyView text="这个乡镇（街道）还没有支部" />
              )}
              <FieldProblem text={errors.branchIds} />
            </View>
            <View className="cx-card">
              <Text className="cx-field__label">评分人员（可多选）</Text>
              <Text className="observe-hint">5 人及以上评分时，每颗星去掉一个最高分和一个最低分</Text>
              <ChoiceChips
                className="observe-chips"
                itemClassName="cx-observe-observer"
                dataName="id"
                choices={candidates.candidates.map((c) => ({
                  key: c.userId,
                  label: `${c.name} · ${c.roles.map((r) => ROLE_LABELS[r]).join('、')}`,
                }))}
                isSelected={(id) => observerIds.includes(id)}
                onPick={(id) => setObserverIds(toggle(observerIds, id))}
              />
              <FieldProblem text={errors.observerIds} />
            </View>
          </View>
        )}
      </ResourceView>
      {problem ? <Text className="cx-form-problem cx-observe-problem">{problem}</Text> : null}
      <Button
        className={`cx-btn cx-btn--primary cx-observe-submit${busy ? ' cx-btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={submit}
      >
        发起观摩
      </Button>
    </View>
  );
}

/** 发起观摩: the month, a title, the township's branches to visit and the observers. */
export default function CreateObservationPage() {
  const session = useSession();
  const signedIn = Boolean(session.token);
  const admin = isDistrictAdmin(session.me);
  const own = staffTownshipIds(session.me);
  const { state, reload } = useResource(() => loadTownships(admin, own), [session.token, admin, own.join(',')], { enabled: signedIn });

  if (!signedIn)
    return (
      <PageRoot className="observe">
        <SignInNeeded />
      </PageRoot>
    );
  return (
    <PageRoot className="observe">
      <ResourceView state={state} onRetry={reload}>
        {(townships) =>
          townships.length ? <Form townships={townships} /> : <EmptyView text="只有乡镇（街道）工作人员和区委组织部可以发起观摩" />
        }
      </ResourceView>
    </PageRoot>
  );
}
