export default definePageConfig({
  navigationBarTitleText: '日报详情',
});
