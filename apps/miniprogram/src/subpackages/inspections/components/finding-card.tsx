import { FINDING_STATUS_LABELS, type FindingRow, STAR_LABELS, type StarCounts } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { accessibleControl } from '../../../components/accessible-control';
import { openPage } from '../../../services/navigation';
import { PAGES } from '../../../services/routes';

/** A 问题清单 item: star, text, owner, 整改时限 (red when overdue), status; taps open the item. */
export function FindingCard({ finding, showBranch }: { finding: FindingRow; showBranch?: boolean }) {
  return (
    <View
      className={`cx-card inspect-finding cx-finding is-${finding.status}${finding.overdue ? ' is-overdue inspect-finding--overdue' : ''}`}
      data-id={finding.id}
      data-status={finding.status}
      hoverClass="cx-pressed"
      {...accessibleControl({ onActivate: () => openPage(PAGES.finding(finding.id)) })}
    >
      <View className="inspect-finding__head">
        <Text className="cx-tag inspect-star">{STAR_LABELS[finding.star]}</Text>
        <Text className={`cx-tag inspect-status inspect-status--${finding.status} cx-finding-status`}>
          {FINDING_STATUS_LABELS[finding.status]}
        </Text>
      </View>
      {showBranch ? <Text className="inspect-finding__branch">{finding.branchName}</Text> : null}
      <Text className="inspect-finding__text">{finding.description}</Text>
      {finding.vetoText ? <Text className="inspect-finding__veto">一票否决项：{finding.vetoText}</Text> : null}
      <View className="inspect-finding__meta">
        <Text>责任人：{finding.owner}</Text>
        <Text className={`inspect-deadline cx-finding-deadline${finding.overdue ? ' inspect-deadline--overdue' : ''}`}>
          整改时限：{finding.deadline}
          {finding.overdue ? '（已超期）' : ''}
        </Text>
      </View>
    </View>
  );
}

/** Per star: open and overdue counts (the stars without findings are left out). */
export function StarCountsView({ stars }: { stars: StarCounts[] }) {
  const shown = stars.filter((s) => s.open || s.closed);
  if (!shown.length) return null;
  return (
    <View className="inspect-counts cx-finding-counts">
      {shown.map((s) => (
        <View key={s.star} className="inspect-count" data-star={s.star}>
          <Text className="inspect-count__star">{STAR_LABELS[s.star]}</Text>
          <Text className="inspect-count__num">未销号 {s.open}</Text>
          {s.overdue ? <Text className="inspect-count__num inspect-count__num--overdue">超期 {s.overdue}</Text> : null}
        </View>
      ))}
    </View>
  );
}
