import { formatShanghaiDate, STAR_APPLICATION_STATUS_LABELS, STAR_LABELS, type StarApplicationSummary } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { accessibleControl } from '../../../components/accessible-control';
import { StepIndicator } from './step-indicator';

/** One application in a list: star, branch, status, the path so far; a tap opens it when `onOpen` is given. */
export function ApplicationCard({ app, showBranch, onOpen }: { app: StarApplicationSummary; showBranch?: boolean; onOpen?: () => void }) {
  const title = `${showBranch ? `${app.branchName} · ` : ''}${STAR_LABELS[app.star]}`;
  return (
    <View
      className={`cx-card stars-app cx-star-app is-${app.status}`}
      data-id={app.id}
      data-status={app.status}
      {...(onOpen
        ? {
            hoverClass: 'cx-pressed',
            ...accessibleControl({ role: 'link', label: `${title}，${STAR_APPLICATION_STATUS_LABELS[app.status]}`, onActivate: onOpen }),
          }
        : {})}
    >
      <View className="stars-app__head">
        <Text className="stars-app__title cx-star-app-title">{title}</Text>
        <Text className={`stars-status stars-status--${app.status} cx-star-app-status`}>{STAR_APPLICATION_STATUS_LABELS[app.status]}</Text>
      </View>
      <StepIndicator status={app.status} />
      <Text className="stars-hint">
        自评达标 {app.met}/{app.total} 项 · {formatShanghaiDate(app.submittedAt)} 提交
      </Text>
      {app.publicityFrom && app.publicityUntil ? (
        <Text className="stars-hint cx-star-app-publicity">
          公示期：{app.publicityFrom} 至 {app.publicityUntil}
        </Text>
      ) : null}
      {app.openObjections ? <Text className="stars-hint stars-warn cx-star-app-objections">待处理异议 {app.openObjections} 件</Text> : null}
    </View>
  );
}
