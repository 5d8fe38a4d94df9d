export default definePageConfig({
  navigationBarTitleText: '日报看板',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
