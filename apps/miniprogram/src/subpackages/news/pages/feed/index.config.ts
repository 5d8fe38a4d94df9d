export default definePageConfig({
  navigationBarTitleText: '创星动态',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
