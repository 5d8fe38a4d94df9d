import { formatQueryCode, type MyLetter } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ConsentSheet } from '../../../../components/consent-sheet';
import { openPage } from '../../../../services/navigation';
import { PAGES } from '../../../../services/routes';
import { PrivacyPopup } from '../../../../shared-ui/privacy-popup';
import { LETTER_CATEGORY_LABELS } from '../../services/letter-labels';

const ignore = () => undefined;

function copy(code: string) {
  // WeChat (and Taro's H5) confirm with their own 内容已复制 toast.
  Taro.setClipboardData({ data: code }).catch(() => {
    Taro.showToast({ title: '复制失败，请长按查询码手动复制', icon: 'none' }).catch(ignore);
  });
}

/** After 寄出: the 查询码 in large letters. */
export function Written({ letter, replayed, onAgain }: { letter: MyLetter; replayed: boolean; onAgain: () => void }) {
  return (
    <View className="cx-card mailbox-written cx-letter-written">
      <Text className="mailbox-written__title">✓ 信已寄出</Text>
      <Text className="mailbox-written__to">
        写给：{letter.branchName} · {LETTER_CATEGORY_LABELS[letter.category]}
        {letter.anonymous ? ' · 匿名' : ''}
      </Text>
      {replayed ? <Text className="mailbox-written__note">这封信刚才已经寄出过，没有重复寄出。</Text> : null}
      <Text className="mailbox-written__label">查询码</Text>
      <Text className="mailbox-written__code cx-letter-code" userSelect>
        {formatQueryCode(letter.queryCode)}
      </Text>
      <Text className="mailbox-written__note">请记下查询码（不分大小写，短横线可以不输）。凭查询码可以查看办理进度。</Text>
      <Button className="cx-btn mailbox-written__copy cx-letter-copy" onClick={() => copy(letter.queryCode)}>
        复制查询码
      </Button>
      <ConsentSheet />
      <Text className="mailbox-written__note">受理、答复后会在“消息”里通知您。</Text>
      <Button className="cx-btn cx-btn--primary mailbox-written__mine" onClick={() => openPage(PAGES.myLetters)}>
        在「我的信件」中查看进度
      </Button>
      <Button className="cx-btn mailbox-written__again" onClick={onAgain}>
        再写一封
      </Button>
      {/* Copying a code and sharing an image are privacy APIs: our 隐私保护指引 popup answers them here. */}
      <PrivacyPopup />
    </View>
  );
}
