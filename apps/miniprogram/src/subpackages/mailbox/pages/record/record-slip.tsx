import { formatQueryCode, formatShanghaiDateTime, LETTER_CHANNEL_LABELS, type LetterSlip } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { isH5 } from '../../../../config/runtime-config';
import { spokenDay } from '../../services/answer-by';
import { LETTER_CATEGORY_LABELS } from '../../services/letter-labels';

const ignore = () => undefined;

/**
 * The 查询码 slip handed to the resident: the code in large grouped letters, where the letter went, by when the
 * community must accept it, and how to follow it. H5 prints it (the page's print style shows the slip alone); the
 * weapp shares it as a link that opens 我的信件 with the code looked up.
 */
export function RecordSlip({ slip, replayed, onAgain }: { slip: LetterSlip; replayed: boolean; onAgain: () => void }) {
  const h5 = isH5();
  return (
    <View className="mailbox-slip-wrap">
      <View className="cx-card mailbox-slip cx-record-slip">
        <Text className="mailbox-slip__title">清风邮局 · 查询码回执</Text>
        <Text className="mailbox-slip__code cx-record-code" userSelect>
          {formatQueryCode(slip.queryCode)}
        </Text>
        <Text className="mailbox-slip__line">
          写给：{slip.branchName} · {LETTER_CATEGORY_LABELS[slip.category]}
        </Text>
        <Text className="mailbox-slip__line">
          {LETTER_CHANNEL_LABELS[slip.channel]}，{formatShanghaiDateTime(slip.createdAt)} 由民情气象站代录
        </Text>
        <Text className="mailbox-slip__line mailbox-slip__due">社区应在 {spokenDay(slip.acceptBy)} 前受理</Text>
        <Text className="mailbox-slip__how">
          查看进度：打开微信小程序「创星」→ 清风邮局 → 我的信件 → 用查询码查询。查询码不分大小写，短横线可以不输。
        </Text>
      </View>
      {replayed ? <Text className="mailbox-written__note cx-no-print">这封信刚才已经登记过，没有重复登记。</Text> : null}
      <View className="cx-no-print">
        {h5 ? (
          <Button className="cx-btn cx-btn--primary cx-record-print" onClick={() => window.print()}>
            打印回执
          </Button>
        ) : (
          <Button className="cx-btn cx-btn--primary cx-record-share" openType="share">
            发给居民
          </Button>
        )}
        <Button
          className="cx-btn cx-record-copy"
          onClick={() =>
            Taro.setClipboardData({ data: formatQueryCode(slip.queryCode) }).catch(() =>
              Taro.showToast({ title: '复制失败，请长按查询码手动复制', icon: 'none' }).catch(ignore),
            )
          }
        >
          复制查询码
        </Button>
        <Button className="cx-btn cx-record-again" onClick={onAgain}>
          再登记一封
        </Button>
      </View>
    </View>
  );
}
