import type { RankingRow } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { accessibleControl } from '../../../components/accessible-control';
import { openPage } from '../../../services/navigation';
import { PAGES } from '../../../services/routes';
import { deltaKind, deltaText, score, starsText } from '../services/labels';
import { addQuarters, currentQuarter, MAX_QUARTERS_BACK, quarterLabel } from '../services/quarter';

/** ‹ 上一季度 · 2026年第四季度 · 下一季度 ›: not after this quarter, at most two years back. */
export function QuarterSwitcher({ quarter, onChange }: { quarter: string; onChange: (q: string) => void }) {
  const now = currentQuarter();
  const canBack = quarter > addQuarters(now, -MAX_QUARTERS_BACK);
  const canForward = quarter < now;
  return (
    <View className="cx-card ranking-switcher">
      <View
        className={`ranking-switcher__btn cx-ranking-prev${canBack ? '' : ' is-disabled'}`}
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => canBack && onChange(addQuarters(quarter, -1)) })}
      >
        <Text>‹ 上季度</Text>
      </View>
      <View className="ranking-switcher__label cx-ranking-quarter" data-quarter={quarter}>
        {quarterLabel(quarter)}
        {quarter === now ? '（本季度）' : ''}
      </View>
      <View
        className={`ranking-switcher__btn cx-ranking-next${canForward ? '' : ' is-disabled'}`}
        hoverClass="cx-pressed"
        {...accessibleControl({ onActivate: () => canForward && onChange(addQuarters(quarter, 1)) })}
      >
        <Text>下季度 ›</Text>
      </View>
    </View>
  );
}

/** One branch in a ranking: rank, name, township, stars, total, change; tap → its scorecard. */
export function RankRow({
  row,
  quarter,
  version,
  rank = row.districtRank,
  onTap,
}: {
  row: RankingRow;
  quarter: string;
  version?: number;
  rank?: number;
  onTap?: (row: RankingRow) => void;
}) {
  const kind = deltaKind(row.delta);
  return (
    <View
      className="ranking-row cx-ranking-row"
      data-branch={row.branchId}
      data-township={row.townshipId}
      hoverClass="cx-pressed"
      {...accessibleControl({ onActivate: () => (onTap ? onTap(row) : openPage(PAGES.rankingScorecard(quarter, row.branchId, version))) })}
    >
      <Text className={`ranking-row__rank cx-ranking-rank${rank <= 3 ? ' is-top' : ''}`}>{rank}</Text>
      <View className="ranking-row__main">
        <Text className="ranking-row__name cx-ranking-branch">{row.branchName}</Text>
        <View className="ranking-row__sub">
          <Text className="cx-ranking-township">{row.townshipName}</Text>
          <View className="ranking-row__stars cx-ranking-stars" data-level={row.level}>
            {starsText(row.level)}
          </View>
        </View>
        {row.annotations.length ? <Text className="ranking-row__note cx-ranking-row-note">批注：{row.annotations.join('；')}</Text> : null}
      </View>
      <View className="ranking-row__score">
        <Text className="ranking-row__total cx-ranking-total">{score(row.total)}</Text>
        <View className={`ranking-row__delta cx-ranking-delta is-${kind}`} data-kind={kind}>
          {deltaText(row.delta)}
        </View>
      </View>
    </View>
  );
}

/** Links between the ranking pages of a quarter. */
export function RankingNav({
  quarter,
  current,
  admin,
}: {
  quarter: string;
  current: 'list' | 'star-map' | 'honours' | 'scorecard';
  admin: boolean;
}) {
  const links = [
    { key: 'list', label: '排名', url: PAGES.ranking(quarter) },
    { key: 'star-map', label: '星级地图', url: PAGES.rankingStarMap(quarter) },
    { key: 'honours', label: '十佳百优', url: PAGES.rankingHonours(quarter) },
    ...(admin ? [{ key: 'review', label: '评比管理', url: PAGES.rankingReview(quarter) }] : []),
  ];
  return (
    <View className="ranking-nav">
      {links.map((l) => (
        <View
          key={l.key}
          className={`ranking-nav__item cx-ranking-nav${l.key === current ? ' is-current' : ''}`}
          data-key={l.key}
          hoverClass="cx-pressed"
          {...accessibleControl({ onActivate: () => l.key !== current && openPage(l.url) })}
        >
          <Text>{l.label}</Text>
        </View>
      ))}
    </View>
  );
}
