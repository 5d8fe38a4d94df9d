import type { TownshipSummary } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { accessibleControl } from '../../../components/accessible-control';
import { ChoiceChips } from '../../../components/choice-chips';

const ALL = '';

/**
 * District admins see the whole district; this narrows a list to one township.
 * Collapsed to one row until tapped, since a district has some twenty townships.
 */
export function TownshipFilter({
  townships,
  value,
  onChange,
}: {
  townships: readonly TownshipSummary[];
  /** The chosen township id, or undefined for 全部. */
  value: string | undefined;
  onChange: (townshipId: string | undefined) => void;
}) {
  const [open, setOpen] = useState(false);
  const current = townships.find((t) => t.id === value);
  const choices = [{ key: ALL, label: '全部' }, ...townships.map((t) => ({ key: t.id, label: t.name }))];
  return (
    <View className="cx-card identity-filter">
      <View
        className="identity-filter__head cx-township-filter"
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => setOpen(!open) })}
      >
        <Text>乡镇（街道）：{current ? current.name : '全部'}</Text>
        <Text className="identity-filter__toggle">{open ? '收起' : '筛选'}</Text>
      </View>
      {open ? (
        <ChoiceChips
          className="identity-filter__chips"
          itemClassName="cx-filter-township"
          choices={choices}
          isSelected={(key) => key === (value ?? ALL)}
          onPick={(key) => {
            onChange(key === ALL ? undefined : key);
            setOpen(false);
          }}
        />
      ) : null}
    </View>
  );
}
