import { BRANCH_TYPE_LABELS, BRANCH_TYPES, type BranchType, type CatalogueStar, STAR_LABELS } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { accessibleControl } from '../../../../components/accessible-control';
import type { CatalogueCounts } from '../../services/catalogue-draft';

/** 农村（29 项）/ 社区（27 项): which star set is shown; the counts are the server's, or live while editing. */
export function CatalogueTabs({ type, counts, onPick }: { type: BranchType; counts: CatalogueCounts; onPick: (type: BranchType) => void }) {
  return (
    <View className="catalogue-tabs">
      {BRANCH_TYPES.map((t) => (
        <View
          key={t}
          className={`catalogue-tab cx-catalogue-tab${t === type ? ' catalogue-tab--on is-selected' : ''}`}
          data-type={t}
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => onPick(t) })}
        >
          <Text className="catalogue-tab__label">{BRANCH_TYPE_LABELS[t]}</Text>
          <Text className="catalogue-tab__count cx-catalogue-count">（{counts[t]} 项）</Text>
        </View>
      ))}
    </View>
  );
}

/** One star: its 重点任务, numbered, and its 否决项 in red. */
export function StarSection({ star }: { star: CatalogueStar }) {
  return (
    <View className="cx-card catalogue-star cx-catalogue-star" data-star={star.star}>
      <View className="catalogue-star__head">
        <Text className="catalogue-star__name">{STAR_LABELS[star.star]}</Text>
        <Text className="catalogue-star__count">{star.tasks.length} 项重点任务</Text>
      </View>
      <Text className="catalogue-subtitle">重点任务</Text>
      {star.tasks.map((task, i) => (
        <View key={task.id} className="catalogue-task cx-catalogue-task" data-id={task.id}>
          <Text className="catalogue-task__no">{i + 1}.</Text>
          <Text className="catalogue-task__title">{task.title}</Text>
        </View>
      ))}
      {star.vetoes.length ? (
        <View className="catalogue-vetoes">
          <Text className="catalogue-subtitle catalogue-subtitle--veto">否决项</Text>
          {star.vetoes.map((veto) => (
            <View key={veto.id} className="catalogue-veto cx-catalogue-veto" data-id={veto.id}>
              <Text className="catalogue-veto__mark">✕</Text>
              <Text className="catalogue-veto__text">{veto.text}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
