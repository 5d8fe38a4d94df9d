import { type BranchFilers, type ComplianceStatus, REPORT_STATUS_LABELS, type TownshipDayCompliance } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { accessibleControl } from '../../../../components/accessible-control';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { monthOf } from '../../services/shanghai-day';

const ignore = () => undefined;
/** Missing first (they need chasing), then late, then on time; exempt last. */
const ORDER: ComplianceStatus[] = ['missing', 'late', 'on_time', 'exempt'];
type Filers = BranchFilers['branches'][number]['filers'];

export function formatTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Under a missing branch: who files it, each with 拨打 when they gave a phone; or that nobody is bound. */
function Contacts({ filers }: { filers: Filers | undefined }) {
  if (!filers) return null;
  if (!filers.length)
    return (
      <View className="dashboard-contacts">
        <Text className="dashboard-contacts__none cx-dashboard-unbound">无人绑定，无法提醒</Text>
      </View>
    );
  return (
    <View className="dashboard-contacts">
      {filers.map((f) => (
        <View key={f.userId} className="dashboard-contact cx-dashboard-contact">
          <Text className="dashboard-contact__name">
            {f.name || '（未填姓名）'} · {f.role === 'secretary' ? '书记' : '干部'}
          </Text>
          {f.phone ? (
            <Button
              className="cx-btn cx-btn--compact dashboard-contact__call cx-dashboard-call"
              onClick={() => Taro.makePhoneCall({ phoneNumber: f.phone as string }).catch(ignore)}
            >
              拨打 {f.phone}
            </Button>
          ) : (
            <Text className="dashboard-contact__nophone">未留电话</Text>
          )}
        </View>
      ))}
    </View>
  );
}

/** The branches of the day by status; missing ones show their contacts when the caller manages the township. */
export function BranchRows({ data, filers }: { data: TownshipDayCompliance; filers?: Map<string, Filers> }) {
  const open = (row: TownshipDayCompliance['branches'][number]) => {
    if (row.status === 'on_time' || row.status === 'late') openPage(PAGES.reportDetail(row.branchId, data.day));
    else openPage(PAGES.reportCalendar(row.branchId, monthOf(data.day)));
  };
  return (
    <View>
      {ORDER.map((status) => {
        const rows = data.branches.filter((b) => b.status === status);
        if (!rows.length) return null;
        return (
          <View key={status} className={`dashboard-group dashboard-group--${status}`}>
            <View className="cx-section-title">
              {status === 'on_time' ? '按时提交' : REPORT_STATUS_LABELS[status]}（{rows.length}）
            </View>
            <View className="cx-card dashboard-list">
              {rows.map((row) => (
                <View key={row.branchId} className="dashboard-branch-block" data-branch={row.branchId}>
                  <View
                    className={`report-row dashboard-branch cx-dashboard-branch is-${row.status}`}
                    data-status={row.status}
                    hoverClass="cx-pressed"
                    {...accessibleControl({ onActivate: () => open(row) })}
                  >
                    <View className="report-row__main">
                      <Text className="report-row__title">{row.name}</Text>
                      {row.submittedAt ? <Text className="report-row__sub">{formatTime(row.submittedAt)} 提交</Text> : null}
                      {row.exemptReason ? <Text className="report-row__sub">{row.exemptReason}</Text> : null}
                    </View>
                    <Text className={`report-chip report-status--${row.status} cx-dashboard-status`}>
                      {REPORT_STATUS_LABELS[row.status]}
                    </Text>
                    <Text className="report-row__arrow">›</Text>
                  </View>
                  {row.status === 'missing' && filers ? <Contacts filers={filers.get(row.branchId) ?? []} /> : null}
                </View>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
