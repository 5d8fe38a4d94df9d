export default definePageConfig({
  navigationBarTitleText: '问题清单',
});
