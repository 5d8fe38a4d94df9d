export default definePageConfig({
  navigationBarTitleText: '民情气象站',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
