import { formatShanghaiDateTime, type TimelineEntry } from '@chuangxing/shared';
import { Text, View } from '@tarojs/components';
import { keyedByContent } from '../../../services/list-keys';
import { type Audience, timelineLabel } from '../services/letter-labels';

/**
 * The letter's steps as a vertical line, oldest first. Writers get the public entries only (the server
 * filters); handlers also see internal notes, each marked 内部.
 */
export function Timeline({ entries, audience }: { entries: readonly TimelineEntry[]; audience?: Audience }) {
  if (!entries.length) return null;
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <View className="mailbox-timeline cx-letter-timeline">
      {keyedByContent(sorted, (e) => `${e.at}:${e.kind}`).map(({ item: e, key }) => (
        <View
          key={key}
          className={`mailbox-timeline__item cx-timeline-entry${e.internal ? ' mailbox-timeline__item--internal' : ''}${e === sorted[sorted.length - 1] ? ' is-last' : ''}`}
          data-kind={e.kind}
        >
          <View className="mailbox-timeline__rail">
            <View className="mailbox-timeline__dot" />
          </View>
          <View className="mailbox-timeline__body">
            <View className="mailbox-timeline__head">
              <Text className="mailbox-timeline__kind">{timelineLabel(e, audience)}</Text>
              {e.internal ? <Text className="cx-tag mailbox-tag--internal">内部</Text> : null}
            </View>
            <Text className="mailbox-timeline__meta">
              {formatShanghaiDateTime(e.at)} · {e.actor}
            </Text>
            {e.text ? <Text className="mailbox-timeline__text">{e.text}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
