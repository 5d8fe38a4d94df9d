export default definePageConfig({
  navigationBarTitleText: '学讲评汇总',
});
