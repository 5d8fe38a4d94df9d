import type { Branch } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useResource } from '../../../../hooks/use-resource';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';

/** 乡镇 chips, then that township's branches: the inspector picks where they went (only townships in their scope). */
export function BranchPicker({ townships, onPick }: { townships: { id: string; name: string }[]; onPick: (b: Branch) => void }) {
  const [townshipId, setTownshipId] = useState(townships.length === 1 ? townships[0].id : '');
  const branches = useResource(
    async () => expectStatus(await api.listTownshipBranches({ params: { townshipId } }), 200).branches,
    [townshipId],
    { enabled: Boolean(townshipId) },
  );
  return (
    <View className="inspect-picker">
      <Text className="cx-field__label">乡镇（街道）</Text>
      <ChoiceChips
        itemClassName="cx-inspect-township"
        dataName="id"
        choices={townships.map((t) => ({ key: t.id, label: t.name }))}
        isSelected={(id) => id === townshipId}
        onPick={setTownshipId}
      />
      {townshipId ? (
        <ResourceView state={branches.state} onRetry={branches.reload}>
          {(list) => (
            <View>
              <Text className="cx-field__label">支部</Text>
              {list.length === 0 ? <EmptyView text="这个乡镇（街道）还没有支部" /> : null}
              <ChoiceChips
                itemClassName="cx-inspect-branch"
                dataName="id"
                choices={list.map((b) => ({ key: b.id, label: b.name }))}
                isSelected={() => false}
                onPick={(id) => {
                  const picked = list.find((b) => b.id === id);
                  if (picked) onPick(picked);
                }}
              />
            </View>
          )}
        </ResourceView>
      ) : null}
    </View>
  );
}
