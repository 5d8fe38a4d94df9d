import { Text, View } from '@tarojs/components';
import { PageRoot } from '../../../../components/page-root';
import '../../identity.css';

/**
 * What the app collects and why, in the words of the 隐私保护指引 filled in the WeChat console (README: 微信后台).
 * In WeChat, 隐私保护指引 links open WeChat's own page of it; this page is the H5 build's.
 */
const SECTIONS: { title: string; text: string }[] = [
  { title: '微信身份标识', text: '登录时我们通过微信获取您的用户标识（openid），只用于识别您的账号和发送您订阅的通知。' },
  {
    title: '姓名和工作电话',
    text: '党务工作人员绑定身份时确认姓名，可以选填工作电话。姓名显示在您的工作记录上；工作电话只有您的上级管理人员能看到。居民署名来信时显示您选择的名字，匿名来信不显示。',
  },
  {
    title: '照片',
    text: '填报日报、写信、提交整改和任务进展时，您可以从相册选择或拍摄照片。照片在手机上重新压缩后上传，拍摄地点等信息不会随照片上传。',
  },
  { title: '回电号码', text: '来信需要回电时您填写的手机号加密保存，只有负责处理这封信的同志能看到。' },
  { title: '您的选择', text: '不同意本指引时，您仍可浏览，但不能选择照片。您可以随时在「我的」中修改姓名和工作电话。' },
];

export default function PrivacyGuidePage() {
  return (
    <PageRoot className="privacy-guide">
      <View className="cx-card">
        <Text className="person-label">创星小程序隐私保护指引</Text>
        {SECTIONS.map((s) => (
          <View key={s.title} className="privacy-guide__section cx-privacy-section">
            <Text className="person-label">{s.title}</Text>
            <Text className="person-help">{s.text}</Text>
          </View>
        ))}
      </View>
    </PageRoot>
  );
}
