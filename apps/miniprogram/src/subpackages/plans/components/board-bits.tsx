import { DOUBLE_HALF_LABELS, type DoubleHalf, STAR_LABELS, type StarProgress } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';

/** Plan against actual as two bars: grey where the plan says we should be, red/green where we are. */
export function PlanActual({ planned, actual, compact }: { planned: number; actual: number; compact?: boolean }) {
  const behind = actual < planned;
  return (
    <View className={`board-pa${compact ? ' board-pa--compact' : ''}`}>
      <View className="board-pa__row">
        <Text className="board-pa__label">计划</Text>
        <View className="board-pa__track">
          <View className="board-pa__fill board-pa__fill--plan" style={{ width: `${planned}%` }} />
        </View>
        <Text className="board-pa__value cx-board-planned">{planned}%</Text>
      </View>
      <View className="board-pa__row">
        <Text className="board-pa__label">实际</Text>
        <View className="board-pa__track">
          <View
            className={`board-pa__fill ${behind ? 'board-pa__fill--behind' : 'board-pa__fill--ahead'}`}
            style={{ width: `${actual}%` }}
          />
        </View>
        <Text className={`board-pa__value cx-board-actual${behind ? ' is-behind' : ''}`}>{actual}%</Text>
      </View>
    </View>
  );
}

export function DoubleHalfTag({ value }: { value: DoubleHalf }) {
  const text = value.status === 'no_plan' ? DOUBLE_HALF_LABELS.no_plan : `${DOUBLE_HALF_LABELS[value.status]} ${value.done}/${value.total}`;
  return (
    <Text className={`cx-tag board-dh board-dh--${value.status} cx-board-double-half`} data-status={value.status}>
      {text}
    </Text>
  );
}

/** Per-star cells: held ★, target ☆, then done/tasks, with overdue and open findings flagged. */
export function StarCells({ stars }: { stars: StarProgress[] }) {
  return (
    <View className="board-stars">
      {stars.map((s) => (
        <View
          key={s.star}
          className={`board-star cx-board-star${s.target ? ' is-target' : ''}${s.held ? ' is-held' : ''}${s.overdueMilestones || s.overdueFindings ? ' is-late' : ''}`}
          data-star={s.star}
        >
          <Text className="board-star__name">{STAR_LABELS[s.star].replace('星', '')}</Text>
          <Text className="board-star__count">
            {s.held ? '★' : s.target ? '☆' : ''}
            {s.tasks ? `${s.done}/${s.tasks}` : s.held || s.target ? '' : '—'}
          </Text>
          {s.overdueMilestones ? <Text className="board-star__flag">超期{s.overdueMilestones}</Text> : null}
          {s.openFindings ? <Text className="board-star__flag board-star__flag--finding">问题{s.openFindings}</Text> : null}
        </View>
      ))}
    </View>
  );
}

export function Legend() {
  return <Text className="board-legend">★ 已有星　☆ 目标星　超期 = 过期未达成的节点　问题 = 未销号的督导问题</Text>;
}
