export default definePageConfig({
  navigationBarTitleText: '来信三率',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
