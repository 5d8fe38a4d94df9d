export default definePageConfig({
  navigationBarTitleText: '社区半月谈',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
