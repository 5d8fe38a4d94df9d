import { STAR_SETS } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { ReportContentView } from '../../components/report-content';
import { taskTitle, useCatalogue } from '../../services/key-tasks';
import { formatDateTime } from '../../services/shanghai-day';
import type { EditContext } from './edit-context';

/** The server's version next to the local draft after a 409 (or a draft made on an older version). */
export function ConflictCard({ ctx, onKeepMine, onTakeTheirs }: { ctx: EditContext; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const report = ctx.detail?.report;
  const catalogue = useCatalogue();
  const last = ctx.detail?.revisions?.[ctx.detail.revisions.length - 1];
  return (
    <View className="cx-card report-notice report-notice--error cx-report-conflict">
      <Text className="report-notice__title">该日报已被他人提交或修改</Text>
      <Text className="report-notice__text">
        {report
          ? `服务器上是第 ${report.version} 版${last ? `（${last.editedByName} 于 ${formatDateTime(last.editedAt)}）` : ''}，内容如下。你的内容仍保留在下方表单中。`
          : '请稍后刷新查看最新版本。你的内容仍保留在下方表单中。'}
      </Text>
      {report ? (
        <View className="report-conflict__server">
          <ReportContentView
            content={report.content}
            stars={STAR_SETS[ctx.branch.type]}
            taskTitle={(id) => taskTitle(catalogue, ctx.branch.type, id)}
            compact
          />
        </View>
      ) : null}
      <Button className="cx-btn cx-btn--primary cx-report-keep-mine" onClick={onKeepMine}>
        保留我的内容，在最新版本上修改
      </Button>
      <Button className="cx-btn cx-report-take-theirs" onClick={onTakeTheirs}>
        放弃我的内容，使用最新版本
      </Button>
    </View>
  );
}
