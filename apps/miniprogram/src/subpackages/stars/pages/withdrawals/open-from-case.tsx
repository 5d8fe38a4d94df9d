import { type Catalogue, STAR_LABELS, type StarWithdrawal } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FieldProblem } from '../../../../components/field-problem';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { WithdrawalCard } from './withdrawal-card';

interface VetoChoice {
  key: string;
  label: string;
}

/** The veto items of the stars the branch holds now (both star sets list shared stars: one choice per item). */
function vetoChoices(catalogue: Catalogue, heldStars: readonly string[]): VetoChoice[] {
  const seen = new Map<string, VetoChoice>();
  for (const entry of [...catalogue.content.rural, ...catalogue.content.community]) {
    if (!heldStars.includes(entry.star)) continue;
    for (const v of entry.vetoes) if (!seen.has(v.id)) seen.set(v.id, { key: v.id, label: `${STAR_LABELS[entry.star]}：${v.text}` });
  }
  return [...seen.values()];
}

/**
 * 纪检监察, from a 廉情 case found 属实: pick the veto item it hits among the stars the branch holds, and send the 撤星
 * to the district. A repeat answers the withdrawal already opened from this case.
 */
export function OpenFromCase({ letterId, branchId }: { letterId: string; branchId: string }) {
  const [veto, setVeto] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [opened, setOpened] = useState<StarWithdrawal>();
  const { busy, run } = useMutation({ onError: (failure) => setProblem(failure.message) });
  const { state, reload } = useResource(async () => {
    const [stars, catalogue] = await Promise.all([api.getBranchHeldStars({ params: { branchId } }), api.getCatalogue({})]);
    const held = expectStatus(stars, 200);
    return {
      held,
      choices: vetoChoices(
        expectStatus(catalogue, 200),
        held.held.map((h) => h.star),
      ),
    };
  }, [branchId]);

  const submit = async () => {
    if (!veto) return setProblem('请选择这件廉情问题触及的一票否决项');
    setProblem(undefined);
    const res = await run(() => api.openStarWithdrawal({ body: { source: { kind: 'integrity_case', letterId, vetoItemId: veto } } }));
    if (res) setOpened(res.body);
  };

  if (opened)
    return (
      <View className="cx-star-withdrawal-opened">
        <Text className="stars-hint">已提交区委组织部确认。确认后撤星并公示，公示中不提及廉情来信。</Text>
        <WithdrawalCard w={opened} busy={false} />
      </View>
    );
  return (
    <ResourceView state={state} onRetry={reload}>
      {({ held, choices }) =>
        choices.length ? (
          <View className="cx-card cx-star-withdrawal-open">
            <Text className="stars-app__title">{held.branchName}：据廉情核查结论发起撤星</Text>
            <Text className="stars-hint">选择这件问题触及的一票否决项（只列出该支部现在持有的星）。</Text>
            <ChoiceChips
              choices={choices}
              isSelected={(k) => k === veto}
              onPick={(k) => setVeto(k)}
              itemClassName="cx-star-withdrawal-veto-choice"
              dataName="veto"
            />
            <FieldProblem text={problem} className="cx-star-withdrawal-problem" />
            <Button
              className={`cx-btn stars-btn--danger cx-star-withdrawal-submit${busy ? ' cx-btn--disabled' : ''}`}
              disabled={busy || undefined}
              onClick={submit}
            >
              提交区级确认
            </Button>
          </View>
        ) : (
          <EmptyView text={`${held.branchName}现在没有持有的星，无需撤星。`} />
        )
      }
    </ResourceView>
  );
}
