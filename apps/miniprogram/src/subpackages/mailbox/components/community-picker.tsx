import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { LoadingView } from '../../../components/state-views';
import { useResource } from '../../../hooks/use-resource';
import { loadDirectory } from '../services/directory';

export interface PickedCommunity {
  id: string;
  name: string;
  townshipId: string;
  townshipName: string;
}

/**
 * 先选街道（乡镇），再选社区, from the public directory (names only), or the static stop-gap list when the
 * directory does not answer.
 */
export function CommunityPicker({
  selected,
  initialTownshipId,
  exclude,
  onPick,
}: {
  selected?: string;
  initialTownshipId?: string;
  /** A branch not to offer (转办 never goes back to the letter's own community). */
  exclude?: string;
  onPick: (community: PickedCommunity) => void;
}) {
  const directory = useResource(loadDirectory, []);
  const [chosen, setChosen] = useState<string | undefined>(initialTownshipId);

  if (directory.state.kind !== 'ready') return <LoadingView />;
  const townships = directory.state.data;
  const townshipId = chosen ?? (townships.length === 1 ? townships[0].id : undefined);
  const township = townships.find((t) => t.id === townshipId);
  const communities = (township?.communities ?? []).filter((c) => c.id !== exclude);

  return (
    <View className="mailbox-picker">
      {townships.length > 1 ? (
        <View className="mailbox-picker__group">
          <Text className="mailbox-field__note">先选街道（乡镇）</Text>
          <ChoiceChips
            itemClassName="cx-letter-township"
            choices={townships.map((t) => ({ key: t.id, label: t.name }))}
            isSelected={(id) => id === townshipId}
            onPick={setChosen}
          />
        </View>
      ) : null}
      {township ? (
        <View className="mailbox-picker__group">
          <Text className="mailbox-field__note">{townships.length > 1 ? `再选${township.name}的社区` : `${township.name}的社区`}</Text>
          {communities.length ? (
            <ChoiceChips
              itemClassName="cx-letter-community"
              choices={communities.map((c) => ({ key: c.id, label: c.name }))}
              isSelected={(id) => id === selected}
              onPick={(id) => {
                const c = communities.find((x) => x.id === id);
                if (c) onPick({ id: c.id, name: c.name, townshipId: township.id, townshipName: township.name });
              }}
            />
          ) : (
            <Text className="mailbox-field__note">该街道（乡镇）暂无可选的社区</Text>
          )}
        </View>
      ) : null}
    </View>
  );
}
